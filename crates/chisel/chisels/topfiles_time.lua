--[[
sysray chisel: topfiles_time. Lists the files on which processes spent the most time reading and writing.
Delegates to table_generator.
--]]

description = "Lists the files on which processes spent the most time reading and writing."
short_description = "Top files by time"
category = "I/O"

args = {}

function on_init()
	if sysdig.is_print_container_data() then
		chisel.exec("table_generator", "fd.name,container.name", "Filename,container.name", "evt.latency", "Time", "fd.type=file and evt.is_io=true", "10", "time")
	else
		chisel.exec("table_generator", "fd.name", "Filename", "evt.latency", "Time", "fd.type=file and evt.is_io=true", "10", "time")
	end
	return true
end
