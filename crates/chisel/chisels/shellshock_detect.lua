--[[
sysray chisel: shellshock_detect. Reports shells started with an environment
variable that defines a function followed by more code (CVE-2014-6271).
--]]

description = "Watches the programs bash and sh execute and reports, for every execution whose environment holds a variable defining a function with trailing code (the shellshock attack pattern), the time, the parent process name, the parent pid and the function text."
short_description = "print shellshock attacks"
category = "Security"

args = {}

require "common"

local PATTERN = "%(%) ?{.+"

function on_init()
	f_pname = chisel.request_field("proc.pname")
	f_ppid = chisel.request_field("proc.ppid")
	f_pid = chisel.request_field("proc.pid")
	f_env = chisel.request_field("evt.arg.env")
	f_time = chisel.request_field("evt.time")
	chisel.set_filter("(proc.name=bash or proc.name=sh) and evt.type=execve")
	print(extend_string("TIME", 22) .. extend_string("PROCNAME", 22) .. extend_string("PID", 8) .. "FUNCTION")
	return true
end

function on_event()
	local env = evt.field(f_env)
	if env == nil or string.find(env, PATTERN) == nil then
		return true
	end
	local threads = sysdig.get_thread_table_nofds()
	local t = threads[evt.field(f_pid)]
	if t == nil then
		return true
	end
	for _, v in ipairs(t.env) do
		if string.find(v, PATTERN) then
			print(extend_string(evt.field(f_time), 22) .. extend_string(tostring(evt.field(f_pname)), 22)
				.. extend_string(tostring(evt.field(f_ppid)), 8) .. string.match(v, "%(%).+"))
			break
		end
	end
	return true
end
