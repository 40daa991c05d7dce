--[[
sysray chisel: fdbytes_by. Sums the bytes read and written on file descriptors per value of the given field, and lists the values with the most bytes. For example, fd.name shows the busiest files and connections, proc.name the busiest processes.
Delegates to table_generator.
--]]

description = "Sums the bytes read and written on file descriptors per value of the given field, and lists the values with the most bytes. For example, fd.name shows the busiest files and connections, proc.name the busiest processes."
short_description = "I/O bytes, aggregated by an arbitrary filter field"
category = "I/O"

args = {
	{name = "key", description = "The filter field used for grouping", argtype = "string"},
}

local key

function on_set_arg(name, val)
	key = val
	return true
end

function on_init()
	chisel.exec("table_generator", key, key, "evt.rawarg.res", "Bytes", "evt.is_io=true and evt.failed=false", "30", "bytes")
	return true
end
