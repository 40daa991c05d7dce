--[[
sysray chisel: spectrogram. A live heat map of system call latencies.
--]]

description = "Draws a spectrogram of system call latencies on an ANSI terminal: every refresh_time milliseconds (default 500) one line is added whose columns are latency buckets on a logarithmic scale from 1ns to 100s, coloured from green (few calls) to red (many). The scale is printed under each line."
short_description = "Visualize OS latency in real time."
category = "CPU Usage"

args = {
	{name = "refresh_time", description = "Chart refresh time in milliseconds", argtype = "int", optional = true},
}

require "common"
terminal = require "ansiterminal"
terminal.enable_color(true)

local refresh_ns = 500000000
local counts = {}

function on_set_arg(name, val)
	if name == "refresh_time" then
		refresh_ns = parse_numeric_input(val, name) * 1000000
		return true
	end
	return false
end

function on_init()
	is_tty = sysdig.is_tty()
	if not is_tty then
		print("This chisel only works on ANSI terminals. Aborting.")
		return false
	end
	width = sysdig.get_terminal_info().width
	chisel.set_filter("evt.dir=<")
	f_lat = chisel.request_field("evt.latency")
	terminal.hidecursor()
	return true
end

function on_capture_start()
	chisel.set_interval_ns(refresh_ns)
	return true
end

function on_event()
	local lat = evt.field(f_lat)
	if lat == nil or lat == 0 then
		return true
	end
	local decade = math.min(math.log10(lat), 11)
	local col = math.floor(decade * width / 11) + 1
	counts[col] = (counts[col] or 0) + 1
	return true
end

function on_interval()
	write_heat_row(counts, width, 1000000000 / refresh_ns, terminal)
	local x = 0
	while x < width do
		if math.floor(x * 11 / width) ~= math.floor((x - 1) * 11 / width) then
			local label = "|" .. format_time_interval(math.pow(10, math.floor(x * 11 / width)))
			io.write(label)
			x = x + #label
		else
			io.write(" ")
			x = x + 1
		end
	end
	io.write("\n")
	counts = {}
	return true
end

function on_capture_end()
	if is_tty then
		on_interval()
		print(terminal.reset)
		terminal.showcursor()
	end
	return true
end
