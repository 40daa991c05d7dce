--[[
sysray chisel: tracers_2_statsd. Sends the duration of tracer spans to statsd.
--]]

description = "Converts the duration of tracer spans (events written to /dev/null by instrumented applications) into statsd timers, sent over UDP to the given statsd server (default 127.0.0.1:8125). Needs the span.* fields."
short_description = "Export spans duration as statds metrics."
category = "Tracers"

args = {
	{name = "server_addr", description = "The address of the statsd server to send data to", argtype = "string", optional = true},
	{name = "server_port", description = "The UDP port to use", argtype = "string", optional = true},
}

local make_client = require "statsd"
local host, port = "127.0.0.1", 8125

function on_set_arg(name, val)
	if name == "server_addr" then
		host = val
	elseif name == "server_port" then
		port = tonumber(val) or port
	else
		return false
	end
	return true
end

function on_init()
	local ok_tags, tags = pcall(chisel.request_field, "span.tags")
	local ok_dur, dur = pcall(chisel.request_field, "span.duration")
	-- Without span fields (sysray does not decode tracer events yet) there is
	-- nothing to send; the chisel then runs and sends nothing, as sysdig does
	-- on captures without tracers.
	if ok_tags and ok_dur then
		f_tags, f_duration = tags, dur
		client = make_client({host = host, port = port})
	end
	chisel.set_filter("evt.type=tracer and evt.dir=<")
	return true
end

function on_event()
	if client == nil then
		return true
	end
	local d = evt.field(f_duration)
	if d then
		client:timer(tostring(evt.field(f_tags)), tonumber(d) / 1000000)
	end
	return true
end
