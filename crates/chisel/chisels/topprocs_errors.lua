--[[
sysray chisel: topprocs_errors. Lists the processes whose system calls failed most often.
Delegates to table_generator.
--]]

description = "Lists the processes whose system calls failed most often."
short_description = "top processes by number of errors"
category = "Errors"

args = {}

function on_init()
	if sysdig.is_print_container_data() then
		chisel.exec("table_generator", "proc.name,proc.pid,thread.vtid,container.name", "Process,Host_pid,Container_pid,container.name", "evt.count", "#Errors", "evt.failed=true", "100", "none")
	else
		chisel.exec("table_generator", "proc.name,proc.pid", "Process,PID", "evt.count", "#Errors", "evt.failed=true", "100", "none")
	end
	return true
end
