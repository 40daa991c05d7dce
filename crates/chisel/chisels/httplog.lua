--[[
sysray chisel: httplog. One line per HTTP request/response pair.
--]]

description = "Shows every HTTP request seen on the network with its response: time, direction ('<' for requests a process received, '>' for requests it sent), method, URL, response code, latency and response size. With -pc/-pk the container name is added."
short_description = "HTTP requests log"
category = "Application"

args = {}

require "common"
require "http"

function on_init()
	http_init()
	with_container = sysdig.is_print_container_data()
	return true
end

local function on_transaction(t)
	local container = " "
	if with_container then
		container = " " .. tostring(t.container) .. " "
	end
	print(string.format("%s%s%s method=%s url=%s response_code=%d latency=%dms size=%dB", evt.field(datetime_field), container,
		t.dir, t.request.method, t.request.url, t.response.code, (t.response.ts - t.request.ts) / 1000000, t.response.length))
end

function on_event()
	run_http_parser(evt, on_transaction)
	return true
end
