-- Neovim's own LSP client against bpfgen lsp (run by nvim.sh): open a file
-- with a ctx-type mistake, wait for the diagnostic, ask for the code action,
-- apply it and wait for the diagnostics to clear. Exits 0 on pass, 1 on a
-- failed check, 2 when the script itself breaks.
local bpfgen = os.getenv('BPFGEN')
local file = os.getenv('LSP_FILE')

local function fail(msg)
  io.stderr:write('FAIL: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local function ctx_type(buf)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'ctx-type' then
      return d
    end
  end
  return nil
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local config = {
    name = 'bpfgen',
    cmd = { bpfgen, 'lsp' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  }
  local id
  -- vim.lsp.start is Neovim 0.8; Debian 12 has 0.7, with start_client
  if vim.lsp.start then
    id = vim.lsp.start(config)
  else
    id = vim.lsp.start_client(config)
    if id then
      vim.lsp.buf_attach_client(buf, id)
    end
  end
  if not id then
    return fail('the client did not start ' .. bpfgen)
  end
  if not vim.wait(60000, function() return ctx_type(buf) ~= nil end, 50) then
    return fail('no ctx-type diagnostic: ' .. vim.inspect(vim.diagnostic.get(buf)))
  end
  local d = ctx_type(buf)
  if d.lnum ~= 4 then
    return fail('ctx-type on line ' .. (d.lnum + 1) .. ', not 5')
  end
  if d.severity ~= vim.diagnostic.severity.ERROR then
    return fail('ctx-type is not an error: ' .. vim.inspect(d))
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = {
      start = { line = d.lnum, character = d.col },
      ['end'] = { line = d.end_lnum, character = d.end_col },
    },
    context = { diagnostics = { d.user_data and d.user_data.lsp or nil } },
  }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 30000)
  local action
  for _, r in pairs(res or {}) do
    for _, a in ipairs(r.result or {}) do
      local edits = a.edit and a.edit.changes and a.edit.changes[params.textDocument.uri]
      for _, e in ipairs(edits or {}) do
        if e.newText == 'struct xdp_md *' then
          action = a
        end
      end
    end
  end
  if not action then
    return fail('no code action writes struct xdp_md: ' .. vim.inspect(res))
  end
  if action.kind ~= 'quickfix' then
    return fail('the code action is not a quickfix: ' .. vim.inspect(action))
  end
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  local line = vim.api.nvim_buf_get_lines(buf, 4, 5, true)[1]
  if line ~= 'int xdp_len(struct xdp_md *ctx)' then
    return fail('the fix made: ' .. line)
  end
  -- the client sends the edit as didChange: the diagnostic goes away
  if not vim.wait(60000, function() return ctx_type(buf) == nil end, 50) then
    return fail('ctx-type stays after the fix: ' .. vim.inspect(vim.diagnostic.get(buf)))
  end
  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
  io.stdout:write('ok: neovim sees the ctx-type diagnostic and applies its fix\n')
  vim.cmd('qall!')
end

local ok, err = pcall(run)
if not ok then
  io.stderr:write('FAIL: the test script broke: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 2')
end
