--[[
sysray chisel: httptop. The HTTP requests with the most calls, bytes or time.
--]]

description = "Groups the HTTP requests seen on the network by method and URL and lists the top ones by number of calls (default), response bytes or average response time. Live, the table is refreshed every second."
short_description = "Top HTTP requests"
category = "Application"

args = {
	{name = "by", description = "Show top HTTP transactions by: ncalls, time or bytes, default is ncalls", argtype = "string", optional = true},
}

require "common"
require "http"
terminal = require "ansiterminal"

local viz = {key_fld = {"method", "url"}, key_desc = {"method", "url"}, value_fld = "ncalls", value_desc = "ncalls", value_units = "none", top_number = 30, output_format = "normal"}
local by = "ncalls"
local groups = {}
local islive = false

function on_set_arg(name, val)
	local units = {ncalls = "none", bytes = "bytes", time = "time"}
	if units[val] == nil then
		print("Invalid argument! Valid options: ncalls, bytes, time")
		return false
	end
	by = val
	viz.value_fld, viz.value_desc, viz.value_units = val, val, units[val]
	return true
end

function on_init()
	http_init()
	with_container = sysdig.is_print_container_data()
	if with_container then
		table.insert(viz.key_fld, 1, "container")
		table.insert(viz.key_desc, 1, "container")
	end
	return true
end

local function on_transaction(t)
	local key = t.request.method .. "\001\001" .. t.request.url
	if with_container then
		key = tostring(t.container) .. "\001\001" .. key
	end
	local g = groups[key]
	if g == nil then
		g = {}
		groups[key] = g
	end
	table.insert(g, t)
end

function on_event()
	run_http_parser(evt, on_transaction)
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

local function totals()
	local out = {}
	for key, list in pairs(groups) do
		if by == "ncalls" then
			out[key] = #list
		elseif by == "bytes" then
			local sum = 0
			for _, t in ipairs(list) do
				sum = sum + t.response.length
			end
			out[key] = sum
		else
			local sum = 0
			for _, t in ipairs(list) do
				sum = sum + t.response.ts - t.request.ts
			end
			out[key] = sum / #list
		end
	end
	return out
end

function on_interval(ts_s, ts_ns, delta)
	if viz.output_format ~= "json" then
		terminal.clearscreen()
		terminal.moveto(0, 0)
	end
	print_sorted_table(totals(), ts_s, 0, delta, viz)
	groups = {}
	return true
end

function on_capture_end(ts_s, ts_ns, delta)
	if islive and viz.output_format ~= "json" then
		terminal.clearscreen()
		terminal.moveto(0, 0)
		terminal.showcursor()
		return true
	end
	print_sorted_table(totals(), ts_s, 0, delta, viz)
	return true
end
