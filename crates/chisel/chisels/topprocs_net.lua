--[[
sysray chisel: topprocs_net. Lists the processes that moved the most bytes over IPv4 and IPv6 sockets, reads and writes together.
Delegates to table_generator.
--]]

description = "Lists the processes that moved the most bytes over IPv4 and IPv6 sockets, reads and writes together."
short_description = "Top processes by network I/O"
category = "Net"

args = {}

function on_init()
	if sysdig.is_print_container_data() then
		chisel.exec("table_generator", "proc.name,proc.pid,thread.vtid,container.name", "Process,Host_pid,Container_pid,container.name", "evt.rawarg.res", "Bytes", "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true", "100", "bytes")
	else
		chisel.exec("table_generator", "proc.name,proc.pid", "Process,PID", "evt.rawarg.res", "Bytes", "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true", "100", "bytes")
	end
	return true
end
