--[[
sysray chisel: topscalls_time. Lists the system calls in which processes spent the most time.
Delegates to table_generator.
--]]

description = "Lists the system calls in which processes spent the most time."
short_description = "Top system calls by time"
category = "Performance"

args = {}

function on_init()
	if sysdig.is_print_container_data() then
		chisel.exec("table_generator", "evt.type,container.name", "Syscall,container.name", "evt.latency", "Time", "", "30", "time")
	else
		chisel.exec("table_generator", "evt.type", "Syscall", "evt.latency", "Time", "", "30", "time")
	end
	return true
end
