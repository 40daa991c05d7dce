--[[
sysray chisel library: a statsd client sending over UDP with sysdig.udp_send
(local statsd = require "statsd"; client = statsd({host=, port=, namespace=})).
--]]

local Client = {}
Client.__index = Client

local function line(self, stat, value, kind)
	local prefix = ""
	if self.namespace then
		prefix = self.namespace .. "."
	end
	return prefix .. string.gsub(stat, "[:|@]", "_") .. ":" .. value .. "|" .. kind
end

function Client:send(stat, value, kind)
	sysdig.udp_send(line(self, stat, value, kind))
end

function Client:timer(stat, ms)
	self:send(stat, ms, "ms")
end

function Client:counter(stat, n)
	self:send(stat, n or 1, "c")
end

function Client:increment(stat, n)
	self:counter(stat, n or 1)
end

function Client:decrement(stat, n)
	self:counter(stat, -(n or 1))
end

function Client:gauge(stat, value)
	self:send(stat, value, "g")
end

function Client:set(stat, value)
	self:send(stat, value, "s")
end

return function(options)
	options = options or {}
	local c = setmetatable({namespace = options.namespace}, Client)
	sysdig.udp_setpeername(options.host or "127.0.0.1", options.port or 8125)
	return c
end
