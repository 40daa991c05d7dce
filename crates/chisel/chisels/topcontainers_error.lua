--[[
sysray chisel: topcontainers_error. Lists the containers whose system calls failed most often.
Delegates to table_generator.
--]]

description = "Lists the containers whose system calls failed most often."
short_description = "Top containers by number of errors"
category = "Errors"

args = {}

function on_init()
	chisel.exec("table_generator", "container.name", "container.name", "evt.count", "#Errors", "evt.failed=true and container.name!=host", "100", "none")
	return true
end
