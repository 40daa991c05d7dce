--[[
sysray chisel: iobytes_file. Every second, the bytes read from and written to files.
--]]

description = "Sums the bytes read from and written to files and prints the totals every second of capture time: <time> in:<bytes read> out:<bytes written> tot:<both>. Seconds with events but no such I/O print zeros."
short_description = "Sum of file I/O bytes"
category = "I/O"

args = {}

local total, bytes_in, bytes_out = 0, 0, 0

function on_init()
	f_res = chisel.request_field("evt.rawarg.res")
	f_time = chisel.request_field("evt.time.s")
	f_isread = chisel.request_field("evt.is_io_read")
	chisel.set_filter("evt.is_io=true and fd.type=file")
	chisel.set_interval_s(1)
	return true
end

function on_event()
	local n = evt.field(f_res)
	if n ~= nil and n > 0 then
		total = total + n
		if evt.field(f_isread) then
			bytes_in = bytes_in + n
		else
			bytes_out = bytes_out + n
		end
	end
	return true
end

function on_interval()
	print(evt.field(f_time) .. " in:" .. bytes_in .. " out:" .. bytes_out .. " tot:" .. total)
	total, bytes_in, bytes_out = 0, 0, 0
	return true
end
