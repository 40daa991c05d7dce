--[[
sysray chisel: list_login_shells. Reports the login shell ids of the commands
executed, optionally only those running a given command or arguments.
--]]

description = "Looks at every program execution and reports the login shell id (proc.loginshellid) of the last one that matches, optionally only executions whose program name contains the given text ('*' matches any) and whose arguments contain the given text. Like the sysdig chisel it reproduces, it remembers only the last match and prints its id once per recorded attribute (shell id, container name, container id)."
short_description = "List the login shell IDs"
category = "Security"

args = {
	{name = "command", description = "If this parameter is specified, only the login shells that contain commands including the given string in their name will be listed. * will match any command name.", argtype = "string", optional = true},
	{name = "arguments", description = "If this parameter is specified, only the login shells that contain commands including the given string in their arguments will be listed", argtype = "string", optional = true},
}

local want_command, want_args
local last = nil

function on_set_arg(name, val)
	if name == "command" and val ~= "*" then
		want_command = val
	elseif name == "arguments" then
		want_args = val
	end
	return true
end

function on_init()
	f_shell = chisel.request_field("proc.loginshellid")
	f_exe = chisel.request_field("evt.arg.exe")
	f_args = chisel.request_field("evt.arg.args")
	f_cname = chisel.request_field("container.name")
	f_cid = chisel.request_field("container.id")
	with_container = sysdig.is_print_container_data()
	chisel.set_filter("evt.type=execve")
	return true
end

function on_event()
	local shell, exe = evt.field(f_shell), evt.field(f_exe)
	if shell == nil or exe == nil then
		return true
	end
	if want_command and string.find(exe, want_command) == nil then
		return true
	end
	local args = evt.field(f_args)
	if want_args and args and string.find(args, want_args) == nil then
		return true
	end
	last = {shell = shell, cname = evt.field(f_cname), cid = evt.field(f_cid)}
	return true
end

function on_capture_end()
	if want_command then
		print("Shells containing " .. want_command .. ":")
	else
		print("All shells:")
	end
	if last == nil then
		return true
	end
	local line = tostring(last.shell)
	if with_container then
		line = line .. " " .. tostring(last.cname) .. " " .. tostring(last.cid)
	end
	for _, k in ipairs({"shell", "cname", "cid"}) do
		if last[k] ~= nil then
			print(line)
		end
	end
	return true
end
