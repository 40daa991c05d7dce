--[[
sysray chisel: stderr. Prints what processes write to their standard error
(fd 2); with -pc/-pk each line starts with the container id and name.
--]]

description = "Prints what processes write to their standard error (fd 2), one event per line. With -pc/-pk each line starts with the container id and name, green for the host and blue for containers."
short_description = "Print stderr of processes"
category = "I/O"

args = {
	{name = "disable_color", description = "Set to 'disable_colors' if you want to disable color output", argtype = "string", optional = true},
}

terminal = require "ansiterminal"
terminal.enable_color(true)

function on_set_arg(name, val)
	if val == "disable_color" then
		terminal.enable_color(false)
	end
	return true
end

function on_init()
	f_data = chisel.request_field("evt.rawarg.data")
	f_cname = chisel.request_field("container.name")
	f_cid = chisel.request_field("container.id")
	with_container = sysdig.is_print_container_data()
	sysdig.set_snaplen(2000)
	chisel.set_filter("fd.num=2 and evt.is_io=true")
	return true
end

function on_event()
	local data = evt.field(f_data)
	if data == nil then
		return true
	end
	if with_container then
		local cname = evt.field(f_cname)
		local colour = terminal.green
		if cname ~= "host" then
			colour = terminal.blue
		end
		print(colour .. string.format("%-20.20s %-20.20s %s", tostring(evt.field(f_cid)), tostring(cname), data))
	else
		print(data)
	end
	return true
end
