--[[
sysray chisel: topprocs_cpu. Lists the processes that used the most CPU, as a percentage of the capture time (or of each second, live).
--]]

description = "Lists the processes that used the most CPU, as a percentage of the capture time (or of each second, live). The CPU time comes from the per-thread CPU counters of the capture's procinfo events."
short_description = "Top processes by CPU usage"
category = "CPU Usage"

args = {}

require "common"
terminal = require "ansiterminal"

local viz = {
	key_fld = {"proc.name", "proc.pid"},
	key_desc = {"Process", "PID"},
	value_fld = "thread.exectime",
	value_desc = "CPU%",
	value_units = "timepct",
	top_number = 10,
	output_format = "normal",
}
local key_handles = {}
local totals = {}
local islive = false

function on_init()
	if sysdig.is_print_container_data() then
		viz.key_fld = {"proc.name", "proc.pid", "proc.vpid", "container.name"}
		viz.key_desc = {"Process", "Host_pid", "Container_pid", "container.name"}
	end
	for i, f in ipairs(viz.key_fld) do
		key_handles[i] = chisel.request_field(f)
	end
	f_cpu = chisel.request_field("thread.cpu")
	chisel.set_filter("evt.type=procinfo")
	return true
end

function on_capture_start()
	islive = sysdig.is_live()
	viz.output_format = sysdig.get_output_format()
	if islive then
		chisel.set_interval_s(1)
		if viz.output_format ~= "json" then
			terminal.clearscreen()
			terminal.hidecursor()
		end
	end
	return true
end

local parts = {}

function on_event()
	for i, h in ipairs(key_handles) do
		local v = evt.field(h)
		if v == nil then
			return true
		end
		parts[i] = tostring(v)
	end
	local key = table.concat(parts, "\001\001", 1, #key_handles)
	-- thread.cpu is in jiffies (1/100 s): as nanoseconds
	totals[key] = (totals[key] or 0) + (evt.field(f_cpu) or 0) * 10000000
	return true
end

function on_interval(ts_s, ts_ns, delta)
	if viz.output_format ~= "json" then
		terminal.clearscreen()
		terminal.moveto(0, 0)
	end
	print_sorted_table(totals, ts_s, 0, delta, viz)
	totals = {}
	return true
end

function on_capture_end(ts_s, ts_ns, delta)
	if islive and viz.output_format ~= "json" then
		terminal.clearscreen()
		terminal.moveto(0, 0)
		terminal.showcursor()
		return true
	end
	print_sorted_table(totals, ts_s, 0, delta, viz)
	return true
end
