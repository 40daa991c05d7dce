--[[
sysray chisel: stdout. Prints what processes write to their standard output (fd 1).
--]]

description = "Prints what processes write to their standard output (fd 1). The raw bytes of each I/O event are printed as they are, one event per line."
short_description = "Print stdout of processes"
category = "I/O"

args = {}

function on_init()
	f_data = chisel.request_field("evt.rawarg.data")
	sysdig.set_snaplen(2000)
	chisel.set_filter("fd.num=1 and evt.is_io=true")
	return true
end

function on_event()
	local data = evt.field(f_data)
	if data ~= nil then
		print(data)
	end
	return true
end
