--[[
sysray chisel: spy_users. Shows the commands interactive users run and the
directories they change to, indented by how deep they are below the user's shell.
--]]

description = "Lists every command executed under an interactive shell, and every directory change made in a shell, as <shell pid> <time> <user>) <command line> (or cd <dir>). Lines are indented by the depth of the process below its shell. max_depth limits the depth shown. With -pc/-pk lines are coloured by container and show user@container."
short_description = "Display interactive user activity"
category = "Security"

args = {
	{name = "max_depth", description = "the maximum depth to show in the hierarchy of processes", argtype = "int", optional = true},
	{name = "disable_color", description = "Set to 'disable_colors' if you want to disable color output", argtype = "string", optional = true},
}

require "common"
terminal = require "ansiterminal"
terminal.enable_color(true)

local MAX_ANCESTORS = 16
local max_depth = -1
-- pid -> {depth, shell pid}; depth -1 means "no shell above".
local tree = {}

function on_set_arg(name, val)
	if name == "max_depth" then
		max_depth = parse_numeric_input(val, name)
	elseif name == "disable_color" and val == "disable_color" then
		terminal.enable_color(false)
	end
	return true
end

function on_init()
	f_type = chisel.request_field("evt.type")
	f_exe = chisel.request_field("proc.exe")
	f_args = chisel.request_field("proc.args")
	f_path = chisel.request_field("evt.arg.path")
	f_user = chisel.request_field("user.name")
	f_time = chisel.request_field("evt.time.s")
	f_pid = chisel.request_field("proc.pid")
	f_ppid = chisel.request_field("proc.ppid")
	f_cname = chisel.request_field("container.name")
	f_anames, f_apids = {}, {}
	for j = 0, MAX_ANCESTORS do
		f_anames[j] = chisel.request_field("proc.aname[" .. j .. "]")
		f_apids[j] = chisel.request_field("proc.apid[" .. j .. "]")
	end
	with_container = sysdig.is_print_container_data()
	chisel.set_filter("((evt.type=execve and evt.dir=<) or (evt.type=chdir and evt.dir=< and proc.name contains sh and not proc.name contains sshd)) and evt.failed=false")
	return true
end

-- Finds the outermost shell above a process whose ancestors start at index
-- `first` of the ancestor fields.
local function shell_above(first)
	local found = {-1}
	for j = 1, MAX_ANCESTORS do
		local name = evt.field(f_anames[j - 1 + first])
		if name == nil then
			if evt.field(f_apids[j - 1 + first]) == nil then
				break
			end
		elseif #name >= 2 and string.sub(name, -2) == "sh" then
			local apid = evt.field(f_apids[j - 1 + first])
			if tree[apid] then
				found = {j - 1, apid}
			else
				found = {0, apid}
			end
		end
	end
	return found
end

function on_event()
	local is_cd = evt.field(f_type) == "chdir"
	local pid = evt.field(f_pid)
	local parent = evt.field(f_ppid)
	local shift = 1
	if is_cd then
		parent = pid
		shift = 0
	end
	if not tree[parent] then
		tree[parent] = shell_above(1 - shift)
	end
	if tree[parent][1] == -1 then
		return true
	end
	if not tree[pid] then
		tree[pid] = {tree[parent][1] + 1, tree[parent][2]}
	end
	local depth = tree[pid][1] - shift
	if max_depth ~= -1 and depth > max_depth then
		return true
	end
	local colour, who, indent = "", evt.field(f_user) or "<NA>", 3
	if with_container then
		local cname = evt.field(f_cname)
		colour = terminal.green
		if cname ~= "host" then
			colour = terminal.blue
		end
		who = who .. "@" .. tostring(cname)
		indent = 4
	end
	local what
	if is_cd then
		indent = 4
		what = "cd " .. tostring(evt.field(f_path))
	else
		what = tostring(evt.field(f_exe)) .. " " .. tostring(evt.field(f_args))
	end
	print(colour .. extend_string("", indent * depth) .. tree[pid][2] .. " " .. evt.field(f_time) .. " " .. who .. ") " .. what)
	return true
end

function on_capture_end()
	print(terminal.reset)
end
