--[[
sysray chisel: topports_server. Lists the server ports of the TCP and UDP connections that moved the most bytes.
Delegates to table_generator.
--]]

description = "Lists the server ports of the TCP and UDP connections that moved the most bytes."
short_description = "Top TCP/UDP server ports by R+W bytes"
category = "Net"

args = {}

function on_init()
	if sysdig.is_print_container_data() then
		chisel.exec("table_generator", "fd.sport,container.name", "Srv Port,container.name", "evt.rawarg.res", "Bytes", "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true", "100", "bytes")
	else
		chisel.exec("table_generator", "fd.sport", "Srv Port", "evt.rawarg.res", "Bytes", "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true", "100", "bytes")
	end
	return true
end
