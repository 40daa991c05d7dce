--[[
sysray chisel library: pairs HTTP requests and responses seen on sockets
(require "http"). A request is the first buffer of an fd that starts with
"METHOD url"; the next buffer on the same fd that starts with "HTTP/x code"
is its response. Buffers are read rendered (non-printable bytes as dots), so
header lines end in "..".
--]]

local pending = {}

function http_init()
	chisel.set_filter("evt.is_io = true and evt.buflen > 0 and (fd.sockfamily = ip or fd.sockfamily = unix)")
	http_buffer_field = chisel.request_field("evt.buffer")
	http_fd_field = chisel.request_field("fd.num")
	http_pid_field = chisel.request_field("proc.pid")
	http_rawtime_field = chisel.request_field("evt.rawtime")
	datetime_field = chisel.request_field("evt.datetime")
	http_dir_field = chisel.request_field("evt.io_dir")
	http_container_field = chisel.request_field("container.name")
	sysdig.set_snaplen(1024)
end

function parse_request(buf)
	local method, url = string.match(buf, "^(%u+) ([^%s]+)")
	if method == nil then
		return nil
	end
	local host = string.match(buf, "Host: ([^%s]+)%.%.")
	if host then
		url = host .. url
	end
	return {method = method, url = url}
end

function parse_response(buf)
	local code = string.match(buf, "HTTP/[^%s]+ (%d+)")
	if code == nil then
		return nil
	end
	local length = string.match(buf, "Content%-Length: (%d+)%.%.")
	return {code = tonumber(code), length = tonumber(length) or 0}
end

-- Feeds the current event; calls on_transaction(t) when a response completes a
-- request. t = {request = {method, url, ts}, response = {code, length, ts},
-- dir = "<" (request read: server side) or ">" (request written), container}.
function run_http_parser(evt, on_transaction)
	local buf = evt.field(http_buffer_field)
	local fd = evt.field(http_fd_field)
	local pid = evt.field(http_pid_field)
	if buf == nil or fd == nil or pid == nil then
		return
	end
	local key = string.format("%d\001\001%d", pid, fd)
	local ts = evt.field(http_rawtime_field)
	local t = pending[key]
	if t == nil then
		local req = parse_request(buf)
		if req then
			local io = evt.field(http_dir_field)
			local dir = "<NA>"
			if io == "read" then
				dir = "<"
			elseif io == "write" then
				dir = ">"
			end
			req.ts = ts
			pending[key] = {request = req, dir = dir, container = evt.field(http_container_field)}
		end
	else
		local resp = parse_response(buf)
		if resp then
			resp.ts = ts
			t.response = resp
			pending[key] = nil
			on_transaction(t)
		end
	end
end
