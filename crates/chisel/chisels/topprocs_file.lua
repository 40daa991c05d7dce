--[[
sysray chisel: topprocs_file. Lists the processes that read and wrote the most bytes to files.
Delegates to table_generator.
--]]

description = "Lists the processes that read and wrote the most bytes to files."
short_description = "Top processes by R+W disk bytes"
category = "I/O"

args = {}

function on_init()
	if sysdig.is_print_container_data() then
		chisel.exec("table_generator", "proc.name,proc.pid,thread.vtid,container.name", "Process,Host_pid,Container_pid,container.name", "evt.rawarg.res", "Bytes", "fd.type=file and evt.is_io=true", "10", "bytes")
	else
		chisel.exec("table_generator", "proc.name,proc.pid", "Process,PID", "evt.rawarg.res", "Bytes", "fd.type=file and evt.is_io=true", "10", "bytes")
	end
	return true
end
