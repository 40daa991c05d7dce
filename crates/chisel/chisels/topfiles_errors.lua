--[[
sysray chisel: topfiles_errors. Lists the files whose operations failed most often.
Delegates to table_generator.
--]]

description = "Lists the files whose operations failed most often."
short_description = "Top files by number of errors"
category = "Errors"

args = {}

function on_init()
	if sysdig.is_print_container_data() then
		chisel.exec("table_generator", "fd.name,container.name", "Filename,container.name", "evt.count", "#Errors", "fd.type=file and evt.failed=true", "100", "none")
	else
		chisel.exec("table_generator", "fd.name", "Filename", "evt.count", "#Errors", "fd.type=file and evt.failed=true", "100", "none")
	end
	return true
end
