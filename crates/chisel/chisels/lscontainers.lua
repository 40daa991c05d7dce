--[[
sysray chisel: lscontainers. The containers known at the first event of the
capture, in container id order.
--]]

description = "Lists the containers known at the first event of the capture: type, image, name and id, sorted by id. With the argument 'desc' the container table is printed as a data structure instead."
short_description = "List the running containers"
category = "System State"

args = {
	{name = "desc", description = "Prints the result set as a data structure", argtype = "string", optional = true},
}

require "common"

local as_structure = false

function on_set_arg(name, val)
	if val == "desc" then
		as_structure = true
		return true
	end
	return false
end

function on_init()
	return true
end

snapshot_chisel(function()
	local containers = sysdig.get_container_table()
	if as_structure then
		print(st(containers))
		return
	end
	print(extend_string("container.type", 15) .. extend_string("container.image", 16)
		.. extend_string("container.name", 20) .. extend_string("container.id", 13))
	print(extend_string(string.rep("-", 15), 15) .. extend_string(string.rep("-", 16), 16)
		.. extend_string(string.rep("-", 20), 20) .. extend_string(string.rep("-", 13), 13))
	for _, c in ipairs(containers) do
		print(extend_string(tostring(c.type), 15) .. extend_string(tostring(c.image), 16)
			.. extend_string(tostring(c.name), 20) .. extend_string(tostring(c.id), 13))
	end
end, false)
