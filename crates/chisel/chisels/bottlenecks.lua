--[[
sysray chisel: bottlenecks. The slowest system calls of the capture, each with
the enter event that started it.
--]]

description = "Lists the 10 slowest system calls of the capture, slowest first. Each call is shown as two lines in the style of sysray's output: the enter event and the exit event, whose time column is the call's duration."
short_description = "Slowest system calls"
category = "Performance"

args = {}

local HOW_MANY = 10
local slowest = {}
local last_enter = {}

function on_init()
	f_num = chisel.request_field("evt.num")
	f_type = chisel.request_field("evt.type")
	f_args = chisel.request_field("evt.args")
	f_lat = chisel.request_field("evt.latency")
	f_proc = chisel.request_field("proc.name")
	f_tid = chisel.request_field("thread.tid")
	return true
end

function on_event()
	local etype = evt.field(f_type)
	if etype == "switch" then
		return true
	end
	local lat = evt.field(f_lat)
	local tid = evt.field(f_tid)
	if lat == 0 then
		last_enter[tid] = string.format("%d) 0.%.9d %s (%d) > %s %s", evt.field(f_num), 0, evt.field(f_proc) or "", tid,
			etype, evt.field(f_args))
	elseif lat ~= nil then
		for j = 1, HOW_MANY do
			if slowest[j] == nil or lat > slowest[j][1] then
				local line = string.format("%d) %d.%.9d %s (%d) < %s %s", evt.field(f_num), lat / 1000000000,
					lat % 1000000000, evt.field(f_proc) or "", tid, etype, evt.field(f_args))
				table.insert(slowest, j, {lat, last_enter[tid], line})
				break
			end
		end
		if #slowest > HOW_MANY then
			table.remove(slowest)
		end
	end
	return true
end

function on_capture_end()
	for _, s in ipairs(slowest) do
		print(s[2])
		print(s[3])
	end
	return true
end
