--[[
sysray chisel library: a small JSON encoder and decoder with the entry points
chisels use from dkjson (json.encode(value, {indent = true}), json.decode(text)).
Written for sysray. Object keys are written sorted, so output is deterministic.
--]]

local json = {version = "sysray-json 1"}

local escapes = {
	['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
	['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t',
}

local function quote(s)
	return '"' .. string.gsub(s, '[%c"\\]', function(c)
		return escapes[c] or string.format("\\u%04x", string.byte(c))
	end) .. '"'
end

local function is_array(t)
	local n = 0
	for k in pairs(t) do
		if type(k) ~= "number" or k < 1 or math.floor(k) ~= k then
			return false
		end
		n = n + 1
	end
	for i = 1, n do
		if t[i] == nil then
			return false
		end
	end
	return true, n
end

local function encode(v, indent, level, out)
	local t = type(v)
	if t == "nil" then
		table.insert(out, "null")
	elseif t == "boolean" then
		table.insert(out, tostring(v))
	elseif t == "number" then
		if v ~= v or v == math.huge or v == -math.huge then
			table.insert(out, "null")
		else
			table.insert(out, tostring(v))
		end
	elseif t == "string" then
		table.insert(out, quote(v))
	elseif t == "table" then
		-- With indent, dkjson's layout: objects put each key on its own line,
		-- arrays stay on one line; both raise the indentation level.
		local arr, n = is_array(v)
		if arr then
			table.insert(out, "[")
			for i = 1, n do
				if i > 1 then table.insert(out, ",") end
				encode(v[i], indent, level + 1, out)
			end
			table.insert(out, "]")
		else
			local keys = {}
			for k in pairs(v) do table.insert(keys, k) end
			table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
			if #keys == 0 then
				table.insert(out, "{}")
				return
			end
			table.insert(out, "{")
			for i, k in ipairs(keys) do
				if i > 1 then table.insert(out, ",") end
				if indent then
					table.insert(out, "\n" .. string.rep("  ", level + 1))
				end
				table.insert(out, quote(tostring(k)) .. ":")
				encode(v[k], indent, level + 1, out)
			end
			if indent then
				table.insert(out, "\n" .. string.rep("  ", level))
			end
			table.insert(out, "}")
		end
	else
		error("cannot encode a " .. t .. " as JSON")
	end
end

function json.encode(v, opts)
	local out = {}
	encode(v, opts ~= nil and opts.indent, 0, out)
	return table.concat(out)
end

local function skip(s, i)
	return string.find(s, "[^ \t\r\n]", i) or #s + 1
end

local decode_value

local function decode_string(s, i)
	local out = {}
	i = i + 1
	while true do
		local c = string.sub(s, i, i)
		if c == "" then error("unterminated JSON string") end
		if c == '"' then return table.concat(out), i + 1 end
		if c == "\\" then
			local e = string.sub(s, i + 1, i + 1)
			local map = {b = "\b", f = "\f", n = "\n", r = "\r", t = "\t"}
			if e == "u" then
				local code = tonumber(string.sub(s, i + 2, i + 5), 16) or 63
				table.insert(out, code < 128 and string.char(code) or "?")
				i = i + 6
			else
				table.insert(out, map[e] or e)
				i = i + 2
			end
		else
			table.insert(out, c)
			i = i + 1
		end
	end
end

decode_value = function(s, i)
	i = skip(s, i)
	local c = string.sub(s, i, i)
	if c == "{" then
		local obj = {}
		i = skip(s, i + 1)
		if string.sub(s, i, i) == "}" then return obj, i + 1 end
		while true do
			local k
			k, i = decode_string(s, skip(s, i))
			i = skip(s, i)
			if string.sub(s, i, i) ~= ":" then error("expected ':' in JSON object") end
			obj[k], i = decode_value(s, i + 1)
			i = skip(s, i)
			local d = string.sub(s, i, i)
			if d == "}" then return obj, i + 1 end
			if d ~= "," then error("expected ',' or '}' in JSON object") end
			i = i + 1
		end
	elseif c == "[" then
		local arr = {}
		i = skip(s, i + 1)
		if string.sub(s, i, i) == "]" then return arr, i + 1 end
		while true do
			arr[#arr + 1], i = decode_value(s, i)
			i = skip(s, i)
			local d = string.sub(s, i, i)
			if d == "]" then return arr, i + 1 end
			if d ~= "," then error("expected ',' or ']' in JSON array") end
			i = i + 1
		end
	elseif c == '"' then
		return decode_string(s, i)
	elseif string.sub(s, i, i + 3) == "true" then
		return true, i + 4
	elseif string.sub(s, i, i + 4) == "false" then
		return false, i + 5
	elseif string.sub(s, i, i + 3) == "null" then
		return nil, i + 4
	end
	local num = string.match(s, "^-?%d+%.?%d*[eE]?[-+]?%d*", i)
	if num == nil or num == "" then error("unexpected character in JSON at " .. i) end
	return tonumber(num), i + #num
end

function json.decode(s)
	local ok, v = pcall(decode_value, s, 1)
	if ok then return v end
	return nil, 1, v
end

return json
