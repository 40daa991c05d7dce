--[[
sysray chisel: table_generator (hidden). Sums a value field per key (one or more
fields) over the events matching a filter and prints the top rows: at the end of
a capture file, or every second live. The top-N chisels exec into it.
--]]

description = "Groups events by one or more key fields, sums a value field per key and prints the keys with the largest totals."
short_description = "Generic top-N table"
category = "Misc"
hidden = true

args = {
	{name = "keys", description = "comma-separated key fields", argtype = "string"},
	{name = "keydescs", description = "comma-separated column titles of the keys", argtype = "string"},
	{name = "value", description = "the field summed per key", argtype = "string"},
	{name = "valuedesc", description = "column title of the value", argtype = "string"},
	{name = "filter", description = "events to consider (may be empty)", argtype = "string"},
	{name = "top_number", description = "rows to print, 0 for all", argtype = "int"},
	{name = "value_units", description = "bytes, time, timepct or none", argtype = "string"},
}

require "common"
terminal = require "ansiterminal"

local viz = {key_fld = {}, key_desc = {}, value_fld = "", value_desc = "", value_units = "none", top_number = 0, output_format = "normal"}
local filter = ""
local key_handles = {}
local value_handle
local totals = {}
local islive = false
local parts = {}
local nkeys = 0
local evt_field, tostring, concat = evt.field, tostring, table.concat

function on_set_arg(name, val)
	if name == "keys" then
		viz.key_fld = split(val, ",")
	elseif name == "keydescs" then
		viz.key_desc = split(val, ",")
	elseif name == "value" then
		viz.value_fld = val
	elseif name == "valuedesc" then
		viz.value_desc = val
	elseif name == "filter" then
		filter = val
	elseif name == "top_number" then
		viz.top_number = tonumber(val) or 0
	elseif name == "value_units" then
		viz.value_units = val
	end
	return true
end

function on_init()
	if #viz.key_fld ~= #viz.key_desc then
		print("error: number of entries in keys different from number entries in keydescs")
		return false
	end
	for i, f in ipairs(viz.key_fld) do
		key_handles[i] = chisel.request_field(f)
	end
	nkeys = #key_handles
	value_handle = chisel.request_field(viz.value_fld)
	if filter ~= "" then
		chisel.set_filter(filter)
	end
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

function on_event()
	local value = evt_field(value_handle)
	if value == nil or value <= 0 then
		return true
	end
	local key
	if nkeys == 1 then
		key = evt_field(key_handles[1])
		if key == nil then
			return true
		end
		key = tostring(key)
	else
		for i = 1, nkeys do
			local v = evt_field(key_handles[i])
			if v == nil then
				return true
			end
			parts[i] = tostring(v)
		end
		key = concat(parts, "\001\001", 1, nkeys)
	end
	totals[key] = (totals[key] or 0) + value
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
