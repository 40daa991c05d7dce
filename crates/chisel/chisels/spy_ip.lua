--[[
sysray chisel: spy_ip. Show the data exchanged with the given IP address.
--]]

description = "Show the data exchanged with the given IP address: the data of every read and write on IPv4 and IPv6 sockets where fd.ip matches, in the current buffer format. A coloured header (red for reads, blue for writes) with the byte count is printed whenever the direction changes. (sysdig prints a stale header before every block and, in spy_ip, calls writes reads; sysray prints each header once, right.)"
short_description = "Show the data exchanged with the given IP address"
category = "Net"

args = {
	{name = "host_ip", description = "The remote host IP address", argtype = "ipv4"},
	{name = "disable_color", description = "Set to 'disable_colors' if you want to disable color output", argtype = "string", optional = true},
}

require "common"
terminal = require "ansiterminal"
terminal.enable_color(true)

local target
local direction = nil

function on_set_arg(name, val)
	if name == "host_ip" then
		target = val
		return true
	elseif name == "disable_color" then
		if val == "disable_colors" then
			terminal.enable_color(false)
		end
		return true
	end
	return false
end

function on_init()
	f_data = chisel.request_field("evt.arg.data")
	f_isread = chisel.request_field("evt.is_io_read")
	f_res = chisel.request_field("evt.rawarg.res")
	sysdig.set_snaplen(1000)
	chisel.set_filter("evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6) and fd.ip=" .. target)
	return true
end

function on_event()
	local res = evt.field(f_res)
	local data = evt.field(f_data)
	if res == nil or res <= 0 or data == nil then
		return true
	end
	local now = "write"
	if evt.field(f_isread) then
		now = "read"
	end
	if now ~= direction then
		direction = now
		if now == "read" then
			print(terminal.red .. "------ Read " .. format_bytes(res))
		else
			print(terminal.blue .. "------ Write " .. format_bytes(res))
		end
	end
	print(data)
	return true
end

function on_capture_end()
	print(terminal.reset)
end
