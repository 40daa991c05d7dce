--[[
sysray chisel: netstat. The IPv4 and IPv6 sockets of every thread at the first
event of the capture, by thread id then fd number.
--]]

description = "Lists the network connections and listening sockets as they are at the first event of the capture (evt.num=0), like netstat: protocol, server address, client address, state and tid/pid/program. Rows are sorted by thread id, then fd number. The optional filter restricts the sockets, e.g. 'proc.name=foo and fd.port=80'."
short_description = "List (and optionally filter) network connections."
category = "System State"

args = {
	{name = "filter", description = "A sysdig-like filter expression that allows restricting the FD list. E.g. 'proc.name=foo and fd.port=80'.", argtype = "filter", optional = true},
}

require "common"

local filter = "(fd.type=ipv4 or fd.type=ipv6)"

function on_set_arg(name, val)
	filter = filter .. "and (" .. val .. ")"
	return true
end

function on_init()
	return true
end

snapshot_chisel(function()
	local threads = sysdig.get_thread_table(filter)
	print(extend_string("Proto", 6) .. extend_string("Server Address", 25) .. extend_string("Client Address", 25)
		.. extend_string("State", 15) .. "TID/PID/Program Name")
	for _, tid in ipairs(sorted_keys(threads)) do
		local t = threads[tid]
		for _, fd in ipairs(sorted_keys(t.fdtable)) do
			local f = t.fdtable[fd]
			local client, state = "0.0.0.0:*", "LISTEN"
			if f.cip ~= nil then
				client, state = f.cip .. ":" .. f.cport, "ESTABLISHED"
			end
			print(extend_string(tostring(f.l4proto), 6) .. extend_string(tostring(f.sip) .. ":" .. tostring(f.sport), 25)
				.. extend_string(client, 25) .. extend_string(state, 15) .. tid .. "/" .. t.pid .. "/" .. t.comm)
		end
	end
end, true)
