-- Run by test/e2e/neovim.mjs in a headless Neovim (0.7 and later): opens a note, starts
-- note-coach-ls for it as a user's set-up would, waits for its diagnostics and writes them
-- as JSON to $NOTE_COACH_OUT. Quits in every case.
local server = os.getenv('NOTE_COACH_LS')
local note = os.getenv('NOTE_COACH_NOTE')
local out = os.getenv('NOTE_COACH_OUT')
local result = { ok = false, diagnostics = {} }

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(note))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  local client_id = vim.lsp.start_client({
    name = 'note-coach-ls',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(note, ':h'),
  })
  vim.lsp.buf_attach_client(bufnr, client_id)
  result.ok = vim.wait(30000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 50)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(result.diagnostics, {
      lnum = d.lnum,
      code = d.code or lsp.code,
      message = d.message,
      severity = d.severity,
      source = d.source or lsp.source,
    })
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then result.error = tostring(err) end

local file = io.open(out, 'w')
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qa!')
