--[[
sysray chisel library: ANSI terminal escapes (terminal = require "ansiterminal").
Colour fields are nil until enable_color(true) or enable_color(false) is called;
with false they are empty strings, so chisels can always concatenate them.
--]]

local terminal = {}

local ESC = string.char(27) .. "["

local CODES = {
	reset = 0, clear = 0, bright = 1, dim = 2, underscore = 4, blink = 5, reverse = 7, hidden = 8,
	black = 30, red = 31, green = 32, yellow = 33, blue = 34, magenta = 35, cyan = 36, white = 37,
	onblack = 40, onred = 41, ongreen = 42, onyellow = 43, onblue = 44, onmagenta = 45, oncyan = 46,
	onwhite = 47,
}

function terminal.enable_color(on)
	for name, code in pairs(CODES) do
		if on then
			terminal[name] = ESC .. code .. "m"
		else
			terminal[name] = ""
		end
	end
end

function terminal.clearscreen()
	io.write(ESC .. "2J")
end

function terminal.moveto(x, y)
	io.write(ESC .. x .. ";" .. y .. "H")
end

function terminal.moveup(n)
	io.write(ESC .. n .. "F")
end

function terminal.clearline()
	io.write(ESC .. "2K")
end

function terminal.hidecursor()
	io.write(ESC .. "?25l")
end

function terminal.showcursor()
	io.write(ESC .. "?25h")
end

-- 256-colour foreground and background.
function terminal.setfgcol(n)
	io.write(ESC .. "38;5;" .. n .. "m")
end

function terminal.setbgcol(n)
	io.write(ESC .. "48;5;" .. n .. "m")
end

return terminal
