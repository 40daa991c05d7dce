--[[
sysray chisel: memcachelog. One line per memcached get or set request.
--]]

description = "Shows the get and set requests sent to memcached (port 11211, or the memcached process): time, method, object size and key. method keeps only gets or sets; size keeps only sets of at least that many bytes. The chisel sets the capture filter itself, so it cannot be combined with a command-line filter."
short_description = "memcached requests log"
category = "Application"

args = {
	{name = "method", description = "get/set", optional = true},
	{name = "size", description = "object size", optional = true},
}

require "common"

local want_method, min_size = nil, 0

function on_set_arg(name, val)
	if name == "method" then
		want_method = val
		return true
	elseif name == "size" then
		min_size = tonumber(val) or 0
		return true
	end
	return false
end

function on_init()
	sysdig.set_filter("(fd.sport=11211 or proc.name=memcached) and evt.is_io=true")
	sysdig.set_snaplen(4096)
	f_data = chisel.request_field("evt.arg[1]")
	f_time = chisel.request_field("evt.datetime")
	return true
end

function on_event()
	local data = evt.field(f_data)
	if data == nil then
		return true
	end
	local words = split(data, " ")
	local method = words[1]
	if string.match(method, "^[gs]et") == nil or words[2] == nil then
		return true
	end
	local size = tonumber(words[5]) or 0
	if want_method ~= nil and want_method ~= method then
		return true
	end
	if want_method == "set" and size < min_size then
		return true
	end
	print(string.format("%s method=%s size=%dB key=%s", evt.field(f_time), method, size, words[2]))
	return true
end
