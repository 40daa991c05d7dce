--[[
sysray chisel: topcontainers_file. Lists the containers whose processes read and wrote the most bytes to files.
Delegates to table_generator.
--]]

description = "Lists the containers whose processes read and wrote the most bytes to files."
short_description = "Top containers by R+W disk bytes"
category = "I/O"

args = {}

function on_init()
	chisel.exec("table_generator", "container.name", "container.name", "evt.rawarg.res", "Bytes", "fd.type=file and evt.is_io=true and container.name!=host", "10", "bytes")
	return true
end
