--[[
sysray chisel: fdcount_by. Counts the distinct file descriptors (number and
name) seen per value of a field.
--]]

description = "Counts the distinct file descriptors (fd number and name) used per value of the given field, and lists the values with the most, one per line as <value> TAB <count>. For example, proc.name shows which processes used the most files and connections."
short_description = "FD count, aggregated by an arbitrary filter field"
category = "I/O"

args = {
	{name = "key", description = "The filter field used for grouping", argtype = "string"},
}

require "common"

local key_field
local groups = {}

function on_set_arg(name, val)
	key_field = val
	return true
end

function on_init()
	f_key = chisel.request_field(key_field)
	f_num = chisel.request_field("fd.num")
	f_name = chisel.request_field("fd.name")
	return true
end

function on_event()
	local key = evt.field(f_key)
	local num = evt.field(f_num)
	local name = evt.field(f_name)
	if key == nil or num == nil or num <= 0 or name == nil or name == "" then
		return true
	end
	local g = groups[key]
	if g == nil then
		g = {seen = {}, count = 0}
		groups[key] = g
	end
	-- number and name written together, as sysdig keys them
	local id = tostring(num) .. name
	if not g.seen[id] then
		g.seen[id] = true
		g.count = g.count + 1
	end
	return true
end

function on_capture_end()
	local counts = {}
	for k, g in pairs(groups) do
		counts[k] = g.count
	end
	for k, c in pairs_top_by_val(counts, 0, sysray_desc_then_key) do
		print(k, c)
	end
	return true
end
