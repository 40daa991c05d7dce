--[[
sysray chisel: topfiles_bytes. Lists the files that were read and written the most, in bytes.
Delegates to table_generator.
--]]

description = "Lists the files that were read and written the most, in bytes."
short_description = "Top files by R+W bytes"
category = "I/O"

args = {}

function on_init()
	if sysdig.is_print_container_data() then
		chisel.exec("table_generator", "container.name,fd.name", "container.name,Filename", "evt.rawarg.res", "Bytes", "fd.type=file and evt.is_io=true", "10", "bytes")
	else
		chisel.exec("table_generator", "fd.name", "Filename", "evt.rawarg.res", "Bytes", "fd.type=file and evt.is_io=true", "10", "bytes")
	end
	return true
end
