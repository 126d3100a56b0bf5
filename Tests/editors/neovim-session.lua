-- An editing session in Neovim's built-in LSP client against `wmlint server` (run by ServerNeovimTests):
--   nvim --headless -u NONE -i NONE -c 'luafile Tests/editors/neovim-session.lua'
-- with WMLINT_BIN (the built binary) and WMLINT_SCRIPT (a copy of the script below) in the environment.
-- Exits 0 when every check holds; else prints the failed check and exits 1. Works from Neovim 0.7 on.
local bin = os.getenv('WMLINT_BIN')
local file = os.getenv('WMLINT_SCRIPT')

local function check(condition, what)
  if not condition then error(what, 2) end
end

local function lsp_of(d)
  return (d.user_data and d.user_data.lsp) or d
end

local function code_of(d)
  return d.code or lsp_of(d).code
end

-- The protocol range of a diagnostic (Neovim keeps byte columns), in UTF-16 units.
local function range_of(buf, d)
  local function position(line, col)
    local text = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1] or ''
    local _, utf16 = vim.str_utfindex(text, math.min(col, #text))
    return { line = line, character = utf16 }
  end
  return { start = position(d.lnum, d.col), ['end'] = position(d.end_lnum or d.lnum, d.end_col or d.col) }
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'wmlint',
    cmd = { bin, 'server' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
  })
  check(client_id, 'the client starts')
  vim.lsp.buf_attach_client(buf, client_id)

  local function by_rule()
    local found = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do found[code_of(d)] = d end
    return found
  end

  -- The known errors: 0-based lines, UTF-16 columns (after 日本語🎉, 5 units and 13 bytes).
  check(vim.wait(20000, function() return by_rule()['abbreviated-option'] ~= nil end, 50), 'diagnostics arrive')
  local found = by_rule()
  local mismatch = found['type-mismatch']
  check(mismatch, 'type-mismatch is reported')
  check(mismatch.lnum == 1, 'type-mismatch is on line 1, found ' .. tostring(mismatch.lnum))
  local utf16 = range_of(buf, mismatch).start.character
  check(utf16 == 425, 'UTF-16 column 425, found ' .. tostring(utf16))
  check(mismatch.col == 433, 'byte column 433, found ' .. tostring(mismatch.col))
  check(mismatch.source == 'wmlint', 'source wmlint')
  local abbreviated = found['abbreviated-option']
  check(abbreviated.lnum == 2 and range_of(buf, abbreviated).start.character == 49, 'abbreviated-option at 2:49')

  -- Hover on the abbreviation: the rule's summary.
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = range_of(buf, abbreviated).start,
  }, 10000)
  local contents = hover and hover[client_id] and hover[client_id].result and hover[client_id].result.contents
  check(contents and contents.value:find('an option is written as an unambiguous prefix', 1, true), 'hover shows the summary')

  -- Type a correction of the first error: 'thirty' becomes '30'.
  local line = vim.api.nvim_buf_get_lines(buf, 1, 2, false)[1]
  local at = line:find('thirty', 1, true)
  check(at and at - 1 == 433, 'the text of the error')
  vim.api.nvim_buf_set_text(buf, 1, at - 1, 1, at - 1 + #'thirty', { '30' })
  check(vim.wait(20000, function() return by_rule()['type-mismatch'] == nil end, 50), 'the corrected error disappears')
  check(by_rule()['abbreviated-option'] ~= nil, 'the other diagnostic stays')

  -- Code actions on the other diagnostic: apply the preferred one.
  local d = by_rule()['abbreviated-option']
  local answers = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = range_of(buf, d),
    context = { diagnostics = {} },
  }, 10000)
  local actions = answers and answers[client_id] and answers[client_id].result or {}
  local preferred
  for _, action in ipairs(actions) do
    if action.isPreferred then preferred = action end
  end
  check(preferred and preferred.kind == 'quickfix', 'a preferred quick fix')
  vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
  local fixed = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
  check(fixed:find('put-identity-provider-configuration --organization-id m-0123', 1, true), 'the fix is applied: ' .. fixed)
  check(vim.wait(20000, function() return #vim.diagnostic.get(buf) == 0 end, 50), 'no diagnostic is left')
end

local ok, problem = pcall(run)
if ok then
  io.stdout:write('neovim session: every check passed\n')
  vim.cmd('qall!')
else
  io.stderr:write('neovim session failed: ' .. tostring(problem) .. '\n')
  vim.cmd('cquit 1')
end
