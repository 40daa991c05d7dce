--[[
sysray chisel: udp_extract. Writes the payload of each UDP connection of a
capture file to its own file.
--]]

local OUT_DIR = "./udp_dump_files"

description = "Reads a capture file, finds the file descriptors that carry UDP traffic and appends the data of every successful read and write on each of them to its own file in the " .. OUT_DIR .. " directory, named after the connection tuple (':' becomes '_' and '>' becomes '-')."
short_description = "extract data from UDP streams to files."
category = "I/O"

args = {}

local files = {}

function on_init()
	f_data = chisel.request_field("evt.rawarg.data")
	f_name = chisel.request_field("fd.name")
	os.execute("mkdir -p " .. OUT_DIR .. " 2> /dev/null")
	sysdig.set_snaplen(16384)
	chisel.set_filter("evt.dir=< and evt.rawres>=0 and fd.l4proto=udp and evt.is_io=true")
	return true
end

function on_capture_start()
	if sysdig.is_live() then
		print("live capture not supported")
		return false
	end
	return true
end

function on_event()
	local data, name = evt.field(f_data), evt.field(f_name)
	if data == nil or name == nil then
		return true
	end
	local f = files[name]
	if f == nil then
		local path = OUT_DIR .. "/" .. string.gsub(string.gsub(name, ":", "_"), ">", "-")
		f = io.open(path, "w")
		if f == nil then
			return true
		end
		files[name] = f
	end
	f:write(data)
	return true
end

function on_capture_end()
	for _, f in pairs(files) do
		f:close()
	end
	return true
end
