--[[
sysray chisel: ps. The processes and threads known at the first event of the
capture, one line per thread in ascending thread id order.
--]]

description = "Lists the threads of the machine as they are at the first event of the capture (evt.num=0), like ps: thread id, process id, user, virtual and resident memory, fd limit and command. Rows are sorted by thread id. The optional filter keeps only the threads that have at least one file descriptor matching it, e.g. 'fd.name contains /etc'."
short_description = "List (and optionally filter) the machine processes."
category = "System State"

args = {
	{name = "filter", description = "A sysdig-like filter expression that allows restricting the FD list. For example 'fd.name contains /etc' shows all the processes that have files open under /etc.", argtype = "filter", optional = true},
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
	print(extend_string("TID", 8) .. extend_string("PID", 8) .. extend_string("USER", 12) .. extend_string("VIRT", 11)
		.. extend_string("RES", 11) .. extend_string("FDLIMIT", 10) .. extend_string("CMD", 20))
	for _, tid in ipairs(sorted_keys(threads)) do
		local t = threads[tid]
		print(extend_string(tostring(tid), 8) .. extend_string(tostring(t.pid), 8) .. extend_string(t.username, 12)
			.. extend_string(format_bytes(t.vmsize_kb * 1024), 11) .. extend_string(format_bytes(t.vmrss_kb * 1024), 11)
			.. extend_string(tostring(t.fdlimit), 10) .. t.comm)
	end
end, true)
