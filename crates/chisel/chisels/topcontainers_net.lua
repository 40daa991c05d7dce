--[[
sysray chisel: topcontainers_net. Lists the containers whose processes moved the most bytes over the network.
Delegates to table_generator.
--]]

description = "Lists the containers whose processes moved the most bytes over the network."
short_description = "Top containers by network I/O"
category = "Net"

args = {}

function on_init()
	chisel.exec("table_generator", "container.name", "container.name", "evt.rawarg.res", "Bytes", "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true and container.name!=host", "100", "bytes")
	return true
end
