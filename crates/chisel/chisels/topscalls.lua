--[[
sysray chisel: topscalls. Lists the system calls that were made most often (enter and exit events are counted separately).
Delegates to table_generator.
--]]

description = "Lists the system calls that were made most often (enter and exit events are counted separately)."
short_description = "Top system calls by number of calls"
category = "Performance"

args = {}

function on_init()
	if sysdig.is_print_container_data() then
		chisel.exec("table_generator", "evt.type,container.name", "Syscall,container.name", "evt.count", "# Calls", "evt.type!=switch", "30", "none")
	else
		chisel.exec("table_generator", "evt.type", "Syscall", "evt.count", "# Calls", "evt.type!=switch", "30", "none")
	end
	return true
end
