--[[
sysray chisel: topconns. Lists the network connections that moved the most bytes, reads and writes together.
Delegates to table_generator.
--]]

description = "Lists the network connections that moved the most bytes, reads and writes together."
short_description = "Top network connections by total bytes"
category = "Net"

args = {}

function on_init()
	if sysdig.is_print_container_data() then
		chisel.exec("table_generator", "container.name,fd.l4proto,fd.name", "container.name,Proto,Conn", "evt.rawarg.res", "Bytes", "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true", "30", "bytes")
	else
		chisel.exec("table_generator", "fd.l4proto,fd.name", "Proto,Conn", "evt.rawarg.res", "Bytes", "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true", "30", "bytes")
	end
	return true
end
