--[[
sysray chisel: lsof. The open file descriptors of every thread at the first
event of the capture, by thread id then fd number.
--]]

description = "Lists the open file descriptors of every thread as they are at the first event of the capture (evt.num=0), like lsof: command, process id, thread id, user, fd number, type and name. Rows are sorted by thread id, then fd number; threads of one process share their fds, so each thread lists them. The optional filter keeps only matching fds, e.g. 'proc.name=foo and fd.name contains /etc'."
short_description = "List (and optionally filter) the open file descriptors."
category = "System State"

args = {
	{name = "filter", description = "A sysdig-like filter expression that allows restricting the FD list. E.g. 'proc.name=foo and fd.name contains /etc'.", argtype = "filter", optional = true},
}

require "common"

local filter = nil

function on_set_arg(name, val)
	filter = val
	return true
end

function on_init()
	return true
end

snapshot_chisel(function()
	local threads = sysdig.get_thread_table(filter)
	print(extend_string("COMMAND", 20) .. extend_string("PID", 8) .. extend_string("TID", 8) .. extend_string("USER", 8)
		.. extend_string("FD", 8) .. extend_string("TYPE", 12) .. "NAME")
	for _, tid in ipairs(sorted_keys(threads)) do
		local t = threads[tid]
		local prefix = extend_string(t.comm, 20) .. extend_string(tostring(t.pid), 8) .. extend_string(tostring(tid), 8)
			.. extend_string(t.username, 8)
		for _, fd in ipairs(sorted_keys(t.fdtable)) do
			local f = t.fdtable[fd]
			print(prefix .. extend_string(tostring(fd), 8) .. extend_string(tostring(f.type), 12) .. tostring(f.name))
		end
	end
end, true)
