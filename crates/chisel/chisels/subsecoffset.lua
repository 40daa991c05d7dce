--[[
sysray chisel: subsecoffset. A live heat map of where, within each second,
system calls start.
--]]

description = "Draws, on an ANSI terminal, where within each refresh period (default one second) system calls start: every period one line is added whose columns are offsets inside the period, coloured from green (few calls) to red (many). Periodic activity shows as vertical stripes."
short_description = "Visualize subsecond offset execution time."
category = "CPU Usage"

args = {
	{name = "refresh_time", description = "chart refresh time in milliseconds", argtype = "int", optional = true},
}

require "common"
terminal = require "ansiterminal"
terminal.enable_color(true)

local refresh_ns = 1000000000
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
	label_len = #("|" .. (0.9 * refresh_ns / 10000000) .. "ms")
	chisel.set_filter("evt.dir=>")
	f_time = chisel.request_field("evt.rawtime")
	terminal.hidecursor()
	print("Tracing syscalls... red (hot) == high frequency <-> green == low frequency.\n")
	return true
end

function on_capture_start()
	chisel.set_interval_ns(refresh_ns)
	return true
end

function on_event()
	local t = evt.field(f_time)
	local col = math.floor((((t * 1000 / refresh_ns) % 1000) / 1000) * width)
	counts[col] = (counts[col] or 0) + 1
	return true
end

function on_interval()
	write_heat_row(counts, width, 1000000000 / refresh_ns, terminal)
	local x = 0
	while x < width do
		if math.floor(x * 10 / width) ~= math.floor((x - 1) * 10 / width) and x <= width - label_len then
			local label = "|" .. (math.floor(10 * x / width) * refresh_ns / 10000000) .. "ms"
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
		print(terminal.reset)
		terminal.showcursor()
	end
	return true
end
