// @ts-check
/*
 * The export/import page of portability-web. Plain ES2020 in one file: no build step, no framework, no CDN. It
 * runs under the console's Content-Security-Policy (script-src 'self', no inline script or style), uses only
 * relative URLs (so any mount path, context path or proxy prefix works), and builds every element with
 * text nodes, never parsed HTML: table names, file names and messages come from archives, which are untrusted.
 *
 * Long work (export, validate, preview, import) is an operation on the server, polled every half second. Progress
 * is drawn on every poll, but the live region speaks at most every few seconds, so that screen readers are not
 * flooded; outcomes are spoken at once and focus moves to their heading.
 */
'use strict';

(() => {
  const POLL_MS = 500;
  const ANNOUNCE_EVERY_MS = 4000;
  const PROBLEMS_SHOWN = 100;
  const KEYS_SHOWN = 8;
  const REQUEST_HEADER = 'X-Portability-Request';

  // ------------------------------------------------------------------------------------------ small helpers

  /** @param {string} id @returns {HTMLElement} */
  function byId(id) {
    const node = document.getElementById(id);
    if (!node) {
      throw new Error('The page lacks #' + id);
    }
    return node;
  }

  const numbers = new Intl.NumberFormat('en');

  /** @param {number | null | undefined} n */
  function fmt(n) {
    return n == null ? '–' : numbers.format(n);
  }

  /** @param {number} n @param {string} one @param {string} [many] */
  function plural(n, one, many) {
    return fmt(n) + ' ' + (n === 1 ? one : many || one + 's');
  }

  /** @param {number} bytes */
  function size(bytes) {
    if (bytes < 1024) {
      return plural(bytes, 'byte');
    }
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (value >= 100 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)) + ' ' + units[unit];
  }

  /** @param {number} millis */
  function duration(millis) {
    if (millis < 60000) {
      return (millis / 1000).toFixed(1) + ' s';
    }
    return Math.floor(millis / 60000) + ' min ' + Math.round((millis % 60000) / 1000) + ' s';
  }

  /** @param {string | null | undefined} iso an ISO-8601 time in UTC */
  function utc(iso) {
    if (!iso) {
      return '–';
    }
    return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
  }

  /**
   * Creates an element. Attributes named on* become listeners; text children become text nodes (never HTML).
   *
   * @param {string} tag
   * @param {Record<string, any> | null} [attributes]
   * @param {...any} children
   * @returns {HTMLElement}
   */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value == null || value === false) {
        continue;
      }
      if (name === 'class') {
        node.className = value;
      } else if (name.startsWith('on')) {
        node.addEventListener(name.slice(2), value);
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat(Infinity)) {
      if (child != null && child !== false) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }

  /** @param {number} millis */
  function sleep(millis) {
    return new Promise((resolve) => setTimeout(resolve, millis));
  }

  /** @param {string} name */
  function meta(name) {
    const node = document.querySelector('meta[name="' + name + '"]');
    const value = node ? node.getAttribute('content') : null;
    return value ? value : null;
  }

  /** @param {HTMLElement} container @param {HTMLElement} content */
  function show(container, content) {
    container.replaceChildren(content);
    container.hidden = false;
  }

  /** Moves focus to the first heading of a result, so that keyboard and screen reader users land on it. */
  function focusHeading(/** @type {HTMLElement} */ container) {
    const heading = container.querySelector('[tabindex="-1"]');
    if (heading instanceof HTMLElement) {
      heading.focus();
    }
  }

  /**
   * A result's heading, focusable by script: "Error: The export failed".
   *
   * @param {number} level
   * @param {string} text
   * @param {string} label a word that says the outcome, so that no colour has to
   * @param {string} labelClass
   */
  function heading(level, text, label, labelClass) {
    return el('h' + level, { tabindex: '-1' }, label ? el('span', { class: labelClass }, label + ' ') : null, text);
  }

  // ------------------------------------------------------------------------------------------ speaking

  /** The one live region: outcomes at once, progress at most every ANNOUNCE_EVERY_MS, the latest text winning. */
  const announcer = (() => {
    const region = byId('announcer');
    let last = 0;
    /** @type {number | undefined} */
    let timer;
    /** @type {string | null} */
    let queued = null;

    /** @param {string} text */
    function write(text) {
      region.textContent = text;
      last = Date.now();
    }

    return {
      /** @param {string} text */
      now(text) {
        clearTimeout(timer);
        timer = undefined;
        queued = null;
        write(text);
      },
      /** @param {string} text */
      progress(text) {
        if (text === region.textContent) {
          return;
        }
        const wait = last + ANNOUNCE_EVERY_MS - Date.now();
        if (wait <= 0) {
          write(text);
          return;
        }
        queued = text;
        if (timer === undefined) {
          timer = setTimeout(() => {
            timer = undefined;
            if (queued !== null) {
              write(queued);
              queued = null;
            }
          }, wait);
        }
      },
    };
  })();

  // ------------------------------------------------------------------------------------------ the server

  const csrf = { header: meta('portability-csrf-header'), token: meta('portability-csrf-token') };

  /** @param {Record<string, string>} [extra] @returns {Record<string, string>} */
  function changeHeaders(extra) {
    /** @type {Record<string, string>} */
    const headers = { [REQUEST_HEADER]: '1', ...extra };
    if (csrf.header && csrf.token) {
      headers[csrf.header] = csrf.token;
    }
    return headers;
  }

  /**
   * @typedef {{status?: number, code?: string, title?: string, detail?: string, retryable?: boolean,
   *   suggestion?: string | null, problems?: any[], problemCount?: number, suggestions?: Record<string, string>,
   *   conflicts?: Record<string, any[]>, conflictCount?: number}} Problem
   */

  class ApiError extends Error {
    /** @param {Problem} problem */
    constructor(problem) {
      super(problem.detail || problem.title || 'failed');
      this.problem = problem;
    }
  }

  /** @param {number} status @param {any} json @returns {Problem} */
  function asProblem(status, json) {
    const problem = json && typeof json === 'object' && json.code ? json : {
      status,
      title: 'HTTP ' + status,
      detail: 'The console answered with HTTP status ' + status + '.',
      retryable: status >= 500 || status === 429,
    };
    if (status === 401 || status === 403) {
      problem.suggestion = (problem.suggestion ? problem.suggestion + ' ' : '')
          + 'If your session has ended, reload the page and sign in again.';
    }
    return problem;
  }

  /** @returns {Problem} */
  function networkProblem() {
    return {
      status: 0,
      code: 'NO_ANSWER',
      title: 'No answer',
      detail: 'The console did not answer: the server may have stopped, or the network is down.',
      retryable: true,
      suggestion: 'Check that the console still runs (portability serve, or your application), then try again.',
    };
  }

  /**
   * One request to the console's JSON API.
   *
   * @param {string} method
   * @param {string} path relative to the page
   * @param {any} [body] sent as JSON
   * @returns {Promise<any>} the JSON answer; null for 204
   */
  async function call(method, path, body) {
    /** @type {Record<string, string>} */
    let headers = { Accept: 'application/json, application/problem+json' };
    if (method !== 'GET') {
      headers = { ...headers, ...changeHeaders() };
    }
    /** @type {RequestInit} */
    const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(networkProblem());
    }
    if (response.status === 204) {
      return null;
    }
    let json = null;
    try {
      json = await response.json();
    } catch (e) {
      json = null; // not JSON: a proxy's error page, for instance; described by its status below
    }
    if (!response.ok) {
      throw new ApiError(asProblem(response.status, json));
    }
    return json;
  }

  /**
   * Polls an operation until it has finished, drawing its progress on every answer. A few failed polls in a row
   * (a server restarting, a network hiccup) are waited out before giving up.
   *
   * @param {any} operation as the 202 answer gave it
   * @param {(operation: any) => void} draw
   * @returns {Promise<any>} the finished operation
   */
  async function follow(operation, draw) {
    let failures = 0;
    while (operation.state === 'RUNNING') {
      draw(operation);
      await sleep(POLL_MS);
      try {
        operation = await call('GET', operation.href);
        failures = 0;
      } catch (e) {
        if (!(e instanceof ApiError) || e.problem.status !== 0 || ++failures > 5) {
          throw e;
        }
      }
    }
    draw(operation);
    return operation;
  }

  const PHASES = {
    COUNTING: 'Counting rows',
    EXPORTING: 'Writing the archive',
    VERIFYING: 'Reading the archive back to check it',
    VALIDATING: 'Checking the archive',
    PREVIEWING: 'Looking up which keys exist',
    DELETING: 'Deleting rows',
    WRITING: 'Writing rows',
    COMMITTING: 'Committing',
  };

  /** @param {any} operation @param {string} [tableOf] e.g. " (table 2 of 3)" */
  function progressText(operation, tableOf) {
    if (operation.state === 'SUCCEEDED') {
      return 'Finished.';
    }
    if (operation.state === 'CANCELLED') {
      return 'Cancelled.';
    }
    if (operation.state === 'FAILED') {
      return 'Stopped by an error.';
    }
    if (!operation.phase) {
      return 'Starting…';
    }
    let text = PHASES[/** @type {keyof PHASES} */ (operation.phase)] || operation.phase;
    if (operation.table) {
      text += ' – table ' + operation.table + (tableOf || '');
    }
    if (operation.rowsTotal != null) {
      text += ': ' + fmt(operation.rowsDone) + ' of ' + plural(operation.rowsTotal, 'row');
    } else if (operation.rowsDone > 0) {
      text += ': ' + plural(operation.rowsDone, 'row');
    }
    if (operation.cancelRequested && operation.state === 'RUNNING') {
      text += ' (cancelling…)';
    }
    return text;
  }

  /**
   * @param {HTMLProgressElement} bar
   * @param {HTMLElement} label
   * @param {any} operation
   * @param {string} [tableOf]
   */
  function drawProgress(bar, label, operation, tableOf) {
    const text = progressText(operation, tableOf);
    label.textContent = text;
    if (operation.percent == null) {
      bar.removeAttribute('value');
    } else {
      bar.value = operation.percent;
    }
    announcer.progress(text);
  }

  // ------------------------------------------------------------------------------------------ showing results

  /**
   * An error as the user reads it: what happened, what to do, the details, and a retry where one can help.
   *
   * @param {Problem} problem
   * @param {{title: string, level?: number, retry?: (() => void) | null, retryText?: string}} options
   */
  function problemBox(problem, options) {
    const box = el('div', { class: 'outcome bad' },
        heading(options.level || 3, options.title, 'Error:', 'label-bad'),
        el('p', null, problem.detail || problem.title || 'Something went wrong.'));
    if (problem.suggestion) {
      box.append(el('p', null, el('strong', null, 'What to do: '), problem.suggestion));
    }
    if (problem.problems && problem.problems.length) {
      box.append(problemsTable(problem.problems, problem.problemCount || problem.problems.length));
      const suggestions = suggestionsList(problem.suggestions);
      if (suggestions) {
        box.append(suggestions);
      }
    }
    if (problem.conflicts) {
      box.append(conflictsTable(problem.conflicts, problem.conflictCount));
    }
    if (problem.code) {
      box.append(el('p', { class: 'muted' }, 'Code: ' + problem.code + (problem.status ? ', HTTP ' + problem.status
          : '')));
    }
    if (problem.retryable && options.retry) {
      const retry = options.retry;
      box.append(el('div', { class: 'toolbar' },
          el('button', { type: 'button', onclick: () => retry() }, options.retryText || 'Try again')));
    }
    return box;
  }

  /** @param {any[]} problems @param {number} total */
  function problemsTable(problems, total) {
    const shown = problems.slice(0, PROBLEMS_SHOWN);
    const caption = shown.length < total ? 'The first ' + fmt(shown.length) + ' of ' + plural(total, 'problem')
        : plural(total, 'problem');
    return el('table', null,
        el('caption', null, caption),
        el('thead', null, el('tr', null,
            el('th', { scope: 'col' }, 'Problem'),
            el('th', { scope: 'col' }, 'Table'),
            el('th', { scope: 'col', class: 'num' }, 'Row'),
            el('th', { scope: 'col' }, 'Column'),
            el('th', { scope: 'col' }, 'What is wrong'))),
        el('tbody', null, shown.map((p) => el('tr', null,
            el('td', null, el('code', null, p.code)),
            el('td', null, p.table || '–'),
            el('td', { class: 'num' }, p.line == null ? '–' : fmt(p.line)),
            el('td', null, p.column || '–'),
            el('td', null, p.message, p.entry ? el('span', { class: 'muted' }, ' (entry ' + p.entry + ')')
                : null)))));
  }

  /** @param {Record<string, string> | undefined} suggestions */
  function suggestionsList(suggestions) {
    const codes = Object.keys(suggestions || {});
    if (!codes.length) {
      return null;
    }
    return el('div', null, el('h4', null, 'What to do'),
        el('dl', { class: 'facts-list' }, codes.map((code) => [
          el('dt', null, el('code', null, code)),
          el('dd', null, /** @type {Record<string, string>} */ (suggestions)[code])])));
  }

  /** @param {any} key a number, a string, or an array (a composite key) @returns {string} */
  function keyText(key) {
    if (Array.isArray(key)) {
      return '(' + key.map(keyText).join(', ') + ')';
    }
    return key === null ? 'NULL' : String(key);
  }

  /** @param {any[]} keys the first keys @param {number} count how many there are in all */
  function keysText(keys, count) {
    if (!keys || !keys.length) {
      return '–';
    }
    const shown = keys.slice(0, KEYS_SHOWN);
    return shown.map(keyText).join(', ') + (count > shown.length ? ', … (' + fmt(count - shown.length) + ' more)'
        : '');
  }

  /** @param {Record<string, any[]>} conflicts @param {number | undefined} count */
  function conflictsTable(conflicts, count) {
    const tables = Object.keys(conflicts);
    return el('table', null,
        el('caption', null, 'Keys that already exist' + (count != null ? ' (' + fmt(count) + ' in all)' : '')),
        el('thead', null, el('tr', null, el('th', { scope: 'col' }, 'Table'),
            el('th', { scope: 'col' }, 'Keys (the first ones)'))),
        el('tbody', null, tables.map((table) => el('tr', null, el('th', { scope: 'row' }, table),
            el('td', { class: 'keys' }, keysText(conflicts[table], conflicts[table].length))))));
  }

  // ------------------------------------------------------------------------------------------ statistics

  const stats = {
    body: byId('stats-body'),
    when: byId('stats-when'),
    refresh: /** @type {HTMLButtonElement} */ (byId('stats-refresh')),
    busy: false,
  };

  /** @param {boolean} [speak] */
  async function loadStats(speak) {
    if (stats.busy) {
      return;
    }
    stats.busy = true;
    stats.refresh.setAttribute('aria-busy', 'true');
    stats.when.textContent = 'Counting…';
    try {
      const counted = await call('GET', 'api/export/stats');
      const table = el('table', null,
          el('caption', null, 'Rows per table, counted in one snapshot'),
          el('thead', null, el('tr', null, el('th', { scope: 'col' }, 'Table'),
              el('th', { scope: 'col', class: 'num' }, 'Rows'))),
          el('tbody', null, counted.tables.map((/** @type {any} */ t) => el('tr', null,
              el('th', { scope: 'row' }, t.table), el('td', { class: 'num' }, fmt(t.rows))))),
          el('tfoot', null, el('tr', null, el('th', { scope: 'row' }, 'All ' + plural(counted.tables.length,
              'table')), el('td', { class: 'num', id: 'stats-total' }, fmt(counted.totalRows)))));
      stats.body.replaceChildren(table);
      stats.when.textContent = 'Counted at ' + new Date().toLocaleTimeString('en-GB') + '.';
      if (speak) {
        announcer.now('Counted ' + plural(counted.totalRows, 'row') + ' in ' + plural(counted.tables.length, 'table')
            + '.');
      }
    } catch (e) {
      if (!(e instanceof ApiError)) {
        throw e;
      }
      stats.when.textContent = '';
      stats.body.replaceChildren(problemBox(e.problem, { title: 'The rows could not be counted', level: 3,
        retry: () => loadStats(true) }));
      announcer.now('Error: the rows could not be counted. ' + (e.problem.detail || ''));
    } finally {
      stats.busy = false;
      stats.refresh.removeAttribute('aria-busy');
    }
  }

  // ------------------------------------------------------------------------------------------ export

  const exporting = {
    start: /** @type {HTMLButtonElement} */ (byId('export-start')),
    cancel: /** @type {HTMLButtonElement} */ (byId('export-cancel')),
    progress: byId('export-progress'),
    bar: /** @type {HTMLProgressElement} */ (byId('export-progress-bar')),
    text: byId('export-progress-text'),
    result: byId('export-result'),
    /** @type {any} */
    operation: null,
  };

  async function startExport() {
    exporting.result.hidden = true;
    exporting.start.disabled = true;
    exporting.cancel.hidden = false;
    exporting.cancel.disabled = false;
    exporting.cancel.focus();
    exporting.text.textContent = 'Starting…';
    exporting.bar.removeAttribute('value');
    exporting.progress.hidden = false;
    announcer.now('Export started.');
    try {
      const started = await call('POST', 'api/export/generate');
      exporting.operation = started;
      const done = await follow(started, (op) => drawProgress(exporting.bar, exporting.text, op));
      finishExport(done);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        throw e;
      }
      exportFailed(e.problem);
    } finally {
      exporting.operation = null;
      exporting.start.disabled = false;
      exporting.cancel.hidden = true;
      exporting.progress.hidden = true;
    }
  }

  /** @param {any} done */
  function finishExport(done) {
    if (done.state !== 'SUCCEEDED') {
      exportFailed(done.problem || {}, done.state === 'CANCELLED');
      return;
    }
    const result = done.result;
    const file = result.file;
    const link = el('a', { href: file.href, download: file.fileName, id: 'export-download' },
        'Download ' + file.fileName + ' again');
    const box = el('div', { class: 'outcome good' },
        heading(3, 'Export finished', 'Done:', 'label-good'),
        el('p', null, 'Exported ' + plural(result.totalRows, 'row') + ' of ' + plural(result.tables.length, 'table')
            + ' into ' + file.fileName + ' (' + size(file.bytes) + ')' + (result.verified
            ? ', read back and checked' : '') + ', in ' + duration(result.durationMillis) + '. Your browser saves it '
            + 'in its download folder.'),
        el('p', null, link, ' ', el('span', { class: 'muted' }, '(' + size(file.bytes) + '; kept on the server for '
            + 'a while)')));
    show(exporting.result, box);
    announcer.now('Export finished: ' + plural(result.totalRows, 'row') + ', ' + size(file.bytes) + '. Downloading '
        + file.fileName + '.');
    focusHeading(exporting.result);
    // a plain download (not fetched into memory): the browser streams the file to disk under the server's name
    el('a', { href: file.href, download: file.fileName }).click();
  }

  /** @param {Problem} problem @param {boolean} [cancelled] */
  function exportFailed(problem, cancelled) {
    if (cancelled) {
      show(exporting.result, el('div', { class: 'outcome warn' },
          heading(3, 'Export cancelled', 'Stopped:', 'label-warn'),
          el('p', null, 'No file was kept. Export again when you want one.')));
      announcer.now('Export cancelled. No file was kept.');
    } else {
      show(exporting.result, problemBox(problem, { title: 'The export failed', retry: startExport,
        retryText: 'Export again' }));
      announcer.now('Error: the export failed. ' + (problem.detail || ''));
    }
    focusHeading(exporting.result);
  }

  async function cancelExport() {
    const operation = exporting.operation;
    if (!operation) {
      return;
    }
    exporting.cancel.disabled = true;
    exporting.start.focus();
    announcer.now('Cancelling the export…');
    await cancelOperation(operation);
  }

  /** Asks the server to stop an operation; the poll loop then sees it end. @param {any} operation */
  async function cancelOperation(operation) {
    try {
      await call('DELETE', operation.href);
    } catch (e) {
      // a 404 or 409 here means it ended meanwhile: the poll loop shows how
      if (!(e instanceof ApiError)) {
        throw e;
      }
    }
  }

  // ------------------------------------------------------------------------------------------ import

  const importing = {
    section: byId('import-on'),
    dropzone: byId('dropzone'),
    dropHint: byId('drop-hint'),
    file: /** @type {HTMLInputElement} */ (byId('file')),
    fileLimit: byId('file-limit'),
    uploadProgress: byId('upload-progress'),
    uploadBar: /** @type {HTMLProgressElement} */ (byId('upload-progress-bar')),
    uploadText: byId('upload-progress-text'),
    uploadCancel: /** @type {HTMLButtonElement} */ (byId('upload-cancel')),
    archive: byId('archive-result'),
    options: /** @type {HTMLFormElement} */ (byId('options')),
    policy: /** @type {HTMLFieldSetElement} */ (byId('policy')),
    policyNote: byId('policy-replace-note'),
    previewStart: /** @type {HTMLButtonElement} */ (byId('preview-start')),
    previewProgress: byId('preview-progress'),
    previewBar: /** @type {HTMLProgressElement} */ (byId('preview-progress-bar')),
    previewText: byId('preview-progress-text'),
    preview: byId('preview-result'),
    run: byId('run'),
    start: /** @type {HTMLButtonElement} */ (byId('import-start')),
    cancel: /** @type {HTMLButtonElement} */ (byId('import-cancel')),
    blocked: byId('import-blocked'),
    progress: byId('import-progress'),
    phases: byId('import-phases'),
    bar: /** @type {HTMLProgressElement} */ (byId('import-progress-bar')),
    text: byId('import-progress-text'),
    result: byId('import-result'),
    dialog: /** @type {HTMLDialogElement} */ (byId('replace-dialog')),
    maxUploadBytes: Infinity,
    /** @type {XMLHttpRequest | null} */
    xhr: null,
    /** @type {{id: string, fileName: string, size: number} | null} */
    upload: null,
    /** @type {any} */
    manifest: null,
    /** @type {any} the preview shown, and the choice it was made for: {choice, result} */
    shown: null,
    /** @type {any} the running operation (validate, preview or import) */
    operation: null,
    running: false,
  };

  /** @returns {{mode: string, conflictPolicy: string | null}} */
  function choice() {
    const data = new FormData(importing.options);
    const mode = String(data.get('mode') || 'MERGE');
    return { mode, conflictPolicy: mode === 'MERGE' ? String(data.get('policy') || 'FAIL') : null };
  }

  /** @param {{mode: string, conflictPolicy: string | null}} c */
  function choiceText(c) {
    if (c.mode === 'REPLACE') {
      return 'Replace';
    }
    return 'Merge, ' + ({ FAIL: 'stop on conflicts', SKIP: 'keep yours', OVERWRITE: 'take the archive\'s' })[
        /** @type {'FAIL' | 'SKIP' | 'OVERWRITE'} */ (c.conflictPolicy)];
  }

  /** Hides everything that belongs to an earlier file or choice. @param {boolean} keepArchive */
  function resetBelow(keepArchive) {
    if (!keepArchive) {
      importing.archive.hidden = true;
      importing.options.hidden = true;
    }
    importing.preview.hidden = true;
    importing.preview.replaceChildren();
    importing.shown = null;
    importing.run.hidden = true;
    importing.result.hidden = true;
    importing.blocked.hidden = true;
  }

  /** @param {File} file */
  async function chooseFile(file) {
    if (importing.running) {
      announcer.now('An import runs: wait for it to end, or cancel it, before choosing another archive.');
      return;
    }
    if (importing.xhr) {
      importing.xhr.abort();
    }
    forgetUpload();
    resetBelow(false);
    if (file.size === 0) {
      archiveProblem({ detail: file.name + ' is empty (0 bytes).', suggestion: 'Choose the archive file an export '
          + 'wrote.' }, 'This file cannot be imported');
      return;
    }
    if (file.size > importing.maxUploadBytes) {
      archiveProblem({ detail: file.name + ' is ' + size(file.size) + ' (' + plural(file.size, 'byte') + '); this '
          + 'console accepts archives of up to ' + size(importing.maxUploadBytes) + ' (' + plural(
          importing.maxUploadBytes, 'byte') + '). Nothing was sent.', suggestion: 'Ask whoever runs the console to '
          + 'raise its upload limit (maxUploadBytes), or import the archive with the command line.' },
      'This file is too large');
      return;
    }
    let uploaded;
    try {
      uploaded = await uploadFile(file);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        throw e;
      }
      if (e.problem.code === 'ABORTED') {
        importing.uploadProgress.hidden = true;
        importing.file.value = '';
        announcer.now('Upload cancelled.');
        importing.file.focus();
        return;
      }
      archiveProblem(e.problem, 'The upload failed', () => chooseFile(file));
      return;
    }
    importing.upload = { id: uploaded.id, fileName: uploaded.fileName || file.name, size: uploaded.size };
    await validateUpload();
  }

  /** @param {File} file @returns {Promise<any>} the upload */
  function uploadFile(file) {
    importing.uploadText.textContent = 'Uploading ' + file.name + ': 0 of ' + size(file.size);
    importing.uploadBar.value = 0;
    importing.uploadCancel.hidden = false;
    importing.uploadProgress.hidden = false;
    announcer.now('Uploading ' + file.name + ', ' + size(file.size) + '.');
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      importing.xhr = xhr;
      xhr.open('POST', 'api/import/uploads');
      const headers = changeHeaders({ 'Content-Type': 'application/zip',
        'X-Portability-Filename': encodeURIComponent(file.name) });
      for (const [name, value] of Object.entries(headers)) {
        xhr.setRequestHeader(name, value);
      }
      xhr.responseType = 'json';
      xhr.upload.onprogress = (event) => {
        const total = event.lengthComputable ? event.total : file.size;
        importing.uploadBar.value = total ? Math.floor((event.loaded * 100) / total) : 0;
        const text = 'Uploading ' + file.name + ': ' + size(event.loaded) + ' of ' + size(total);
        importing.uploadText.textContent = text;
        announcer.progress(text);
      };
      xhr.onload = () => {
        importing.xhr = null;
        if (xhr.status === 201) {
          resolve(xhr.response);
        } else {
          reject(new ApiError(asProblem(xhr.status, xhr.response)));
        }
      };
      xhr.onerror = () => {
        importing.xhr = null;
        reject(new ApiError(networkProblem()));
      };
      xhr.onabort = () => {
        importing.xhr = null;
        reject(new ApiError({ code: 'ABORTED', detail: 'The upload was cancelled.' }));
      };
      xhr.send(file);
    });
  }

  /** Deletes the upload on the server when the page moves on to another file (the server also expires it). */
  function forgetUpload() {
    const upload = importing.upload;
    importing.upload = null;
    importing.manifest = null;
    if (upload) {
      call('DELETE', 'api/import/uploads/' + encodeURIComponent(upload.id)).catch(() => {
        // already gone (imported, expired): nothing to do
      });
    }
  }

  async function validateUpload() {
    const upload = /** @type {{id: string, fileName: string, size: number}} */ (importing.upload);
    importing.uploadCancel.hidden = true;
    importing.uploadText.textContent = 'Checking ' + upload.fileName + '…';
    importing.uploadBar.removeAttribute('value');
    announcer.now('Uploaded. Checking the archive.');
    let done;
    try {
      const started = await call('POST', 'api/import/validate', { upload: upload.id });
      done = await follow(started, (op) => drawProgress(importing.uploadBar, importing.uploadText, op));
    } catch (e) {
      if (!(e instanceof ApiError)) {
        throw e;
      }
      archiveProblem(e.problem, 'The archive could not be checked', validateUpload);
      return;
    } finally {
      importing.uploadProgress.hidden = true;
    }
    if (done.state !== 'SUCCEEDED') {
      archiveProblem(done.problem || {}, 'The archive could not be checked', validateUpload);
      return;
    }
    const report = done.result;
    if (!report.valid) {
      const box = el('div', { class: 'outcome bad' },
          heading(4, upload.fileName + ' cannot be imported', 'Invalid:', 'label-bad'),
          el('p', null, 'Checking the archive found ' + plural(report.problemCount, 'problem') + '. Nothing was '
              + 'imported. Each problem names its table, row and column where it has them.'),
          problemsTable(report.problems, report.problemCount),
          suggestionsList(report.suggestions),
          el('p', null, 'Choose another archive above to try again.'));
      show(importing.archive, box);
      importing.file.value = '';
      announcer.now('Invalid archive: ' + plural(report.problemCount, 'problem') + ' found.');
      focusHeading(importing.archive);
      return;
    }
    importing.manifest = report.manifest;
    show(importing.archive, archiveSummary(upload, report));
    importing.options.hidden = false;
    announcer.now('Valid archive: ' + plural(report.manifest.totalRows, 'row') + ' in '
        + plural(report.manifest.tables.length, 'table') + '. Choose how to import it.');
    focusHeading(importing.archive);
  }

  /** @param {{fileName: string, size: number}} upload @param {any} report */
  function archiveSummary(upload, report) {
    const manifest = report.manifest;
    const facts = el('dl', { class: 'facts-list' },
        el('dt', null, 'File'), el('dd', null, upload.fileName + ' (' + size(upload.size) + ')'),
        el('dt', null, 'Application'), el('dd', null, manifest.application),
        el('dt', null, 'Schema version'), el('dd', null, String(manifest.schemaVersion)
            + (report.migrationSteps.length ? ' (upgraded on import by ' + plural(report.migrationSteps.length,
                'migration step') + ': ' + report.migrationSteps.join('; ') + ')' : '')),
        el('dt', null, 'Created at'), el('dd', null, utc(manifest.createdAt)),
        el('dt', null, 'Written by'), el('dd', null, 'Portability ' + manifest.libraryVersion),
        el('dt', null, 'Rows'), el('dd', null, plural(manifest.totalRows, 'row') + ' in '
            + plural(manifest.tables.length, 'table')));
    const tables = el('table', null,
        el('caption', null, 'Tables in the archive'),
        el('thead', null, el('tr', null, el('th', { scope: 'col' }, 'Table'),
            el('th', { scope: 'col', class: 'num' }, 'Rows'), el('th', { scope: 'col', class: 'num' }, 'Size'))),
        el('tbody', null, manifest.tables.map((/** @type {any} */ t) => el('tr', null,
            el('th', { scope: 'row' }, t.table), el('td', { class: 'num' }, fmt(t.rows)),
            el('td', { class: 'num' }, size(t.bytes))))));
    return el('div', { class: 'outcome good' },
        heading(4, upload.fileName + ' can be imported', 'Valid:', 'label-good'), facts, tables);
  }

  /**
   * @param {Problem} problem
   * @param {string} title
   * @param {(() => void)} [retry]
   */
  function archiveProblem(problem, title, retry) {
    importing.uploadProgress.hidden = true;
    importing.file.value = ''; // so that choosing the same file again counts as a choice
    show(importing.archive, problemBox(problem, { title, level: 4, retry }));
    announcer.now('Error: ' + title + '. ' + (problem.detail || ''));
    focusHeading(importing.archive);
  }

  /** The conflict policy applies to MERGE only. */
  function syncPolicy() {
    const replace = choice().mode === 'REPLACE';
    importing.policy.disabled = replace;
    importing.policyNote.hidden = !replace;
  }

  function choiceChanged() {
    syncPolicy();
    if (importing.shown && !importing.running) {
      resetBelow(true);
      announcer.now('The choice changed: preview again to see what it would do.');
    }
  }

  async function startPreview() {
    const upload = importing.upload;
    if (!upload || importing.running) {
      return;
    }
    const c = choice();
    resetBelow(true);
    importing.previewText.textContent = 'Starting…';
    importing.previewBar.removeAttribute('value');
    importing.previewProgress.hidden = false;
    importing.previewStart.disabled = true;
    announcer.now('Previewing: ' + choiceText(c) + '.');
    let done;
    try {
      const started = await call('POST', 'api/import/preview', { upload: upload.id, mode: c.mode,
        conflictPolicy: c.conflictPolicy });
      done = await follow(started, (op) => drawProgress(importing.previewBar, importing.previewText, op));
    } catch (e) {
      if (!(e instanceof ApiError)) {
        throw e;
      }
      done = { state: 'FAILED', problem: e.problem };
    } finally {
      importing.previewProgress.hidden = true;
      importing.previewStart.disabled = false;
    }
    if (done.state !== 'SUCCEEDED') {
      show(importing.preview, problemBox(done.problem || {}, { title: 'The preview failed', level: 4,
        retry: startPreview }));
      announcer.now('Error: the preview failed. ' + ((done.problem && done.problem.detail) || ''));
      focusHeading(importing.preview);
      return;
    }
    importing.shown = { choice: c, result: done.result };
    show(importing.preview, previewView(c, done.result));
    showRun(c, done.result);
    announcer.now(previewSentence(c, done.result));
    focusHeading(importing.preview);
  }

  /** @param {any} p @returns {any[]} refusals: the library's, each with a table or not */
  function refusals(p) {
    return Array.isArray(p.refusals) ? p.refusals : [];
  }

  /** @param {{mode: string, conflictPolicy: string | null}} c @param {any} p */
  function previewSentence(c, p) {
    if (c.mode === 'REPLACE') {
      return 'Replace would leave the imported tables holding exactly the archive\'s ' + plural(p.archiveRows, 'row')
          + ': ' + plural(p.rowsReplaceWouldDelete, 'row') + ' you have now would be deleted for good, '
          + plural(p.conflicts, 'row') + ' would take the archive\'s values, and ' + plural(p.newRows, 'new row')
          + ' would be added.' + (p.wouldBeRefused ? ' The import would be refused: see below.' : '');
    }
    const what = {
      SKIP: 'they stay as they are, and the archive\'s versions are skipped',
      OVERWRITE: 'they take the archive\'s values',
      FAIL: 'with "Stop", the whole import would be refused and nothing written',
    }[/** @type {'SKIP' | 'OVERWRITE' | 'FAIL'} */ (c.conflictPolicy)];
    return plural(p.newRows, 'new row') + ' would be added. ' + plural(p.conflicts, 'row')
        + (p.conflicts === 1 ? ' has a key that already exists' : ' have keys that already exist')
        + (p.conflicts > 0 ? ' (conflicts): ' + what + '.' : '.') + ' Nothing is deleted.'
        + (p.wouldBeRefused ? ' The import would be refused.' : '');
  }

  /** @param {{mode: string, conflictPolicy: string | null}} c @param {any} p */
  function previewView(c, p) {
    const refused = refusals(p);
    const box = el('div', { class: 'outcome ' + (p.wouldBeRefused ? 'warn' : 'good') },
        heading(4, 'What "' + choiceText(c) + '" would do', 'Preview:', p.wouldBeRefused ? 'label-warn'
            : 'label-good'),
        el('p', null, previewSentence(c, p)));
    if (p.migrationSteps && p.migrationSteps.length) {
      box.append(el('p', null, 'The archive is upgraded on the way in by ' + plural(p.migrationSteps.length,
          'migration step') + ': ' + p.migrationSteps.join('; ') + '.'));
    }
    const general = refused.filter((r) => !r.table);
    if (general.length) {
      box.append(el('ul', { class: 'notes' }, general.map((r) => el('li', null,
          el('span', { class: 'label-warn' }, 'Refused: '), r.message))));
    }
    box.append(el('table', { id: 'preview-table' },
        el('caption', null, 'Table by table, in the order the import writes them'),
        el('thead', null, el('tr', null,
            el('th', { scope: 'col' }, 'Table'),
            el('th', { scope: 'col', class: 'num' }, 'In the archive'),
            el('th', { scope: 'col', class: 'num' }, 'New'),
            el('th', { scope: 'col', class: 'num' }, 'Conflicts (keys you have)'),
            el('th', { scope: 'col' }, 'Some of those keys'),
            el('th', { scope: 'col', class: 'num' }, 'In your table now'),
            el('th', { scope: 'col', class: 'num' }, 'Replace would delete'),
            el('th', { scope: 'col' }, 'Notes'))),
        el('tbody', null, p.tables.map((/** @type {any} */ t) => el('tr', null,
            el('th', { scope: 'row' }, t.table),
            el('td', { class: 'num' }, fmt(t.archiveRows)),
            el('td', { class: 'num' }, fmt(t.newRows)),
            el('td', { class: 'num' }, fmt(t.conflicts)),
            el('td', { class: 'keys' }, keysText(t.sampleConflictKeys, t.conflicts)),
            el('td', { class: 'num' }, fmt(t.targetRows)),
            el('td', { class: 'num' }, fmt(t.rowsReplaceWouldDelete)),
            el('td', { class: 'notes' }, tableNotes(c, t, refused))))),
        el('tfoot', null, el('tr', null,
            el('th', { scope: 'row' }, 'All ' + plural(p.tables.length, 'table')),
            el('td', { class: 'num' }, fmt(p.archiveRows)),
            el('td', { class: 'num' }, fmt(p.newRows)),
            el('td', { class: 'num' }, fmt(p.conflicts)),
            el('td', null, ''),
            el('td', { class: 'num' }, fmt(p.tables.reduce((/** @type {number} */ sum, /** @type {any} */ t) =>
                sum + t.targetRows, 0))),
            el('td', { class: 'num' }, fmt(p.rowsReplaceWouldDelete)),
            el('td', null, '')))));
    return box;
  }

  /** What an import does about a trigger, in words. */
  const TREATMENTS = {
    SWITCHED_OFF: 'switched off during the import',
    RECONCILED: 'fires, and what it does is undone',
    FIRES: 'fires',
    REFUSED: 'refused',
  };

  /** What a Replace does to rows of a table outside the import, in words. */
  const ACTIONS = {
    DELETE: 'deleted by Replace',
    SET_NULL: 'set to NULL by Replace',
    SET_DEFAULT: 'set to their defaults by Replace',
    BLOCK: 'refer to rows Replace deletes: it would fail',
  };

  /**
   * What to know about one table: its refusals, the notes the server sends for it, and what the choice does to
   * its rows, in words (so that nothing is told by a number's colour or column alone).
   *
   * @param {{mode: string, conflictPolicy: string | null}} c
   * @param {any} t
   * @param {any[]} refused
   */
  function tableNotes(c, t, refused) {
    const notes = [];
    for (const r of refused.filter((x) => x.table === t.table)) {
      notes.push(el('li', null, el('span', { class: 'label-warn' }, 'Refused: '), r.message));
    }
    for (const trigger of Array.isArray(t.triggers) ? t.triggers : []) {
      const treatment = TREATMENTS[/** @type {keyof TREATMENTS} */ (trigger.treatment)] || trigger.treatment;
      // a refused trigger's detail is its refusal's message, shown above
      notes.push(el('li', null, 'Trigger ' + trigger.trigger + ': ', trigger.treatment === 'REFUSED'
          ? el('span', { class: 'label-warn' }, treatment) : treatment + ' (' + trigger.detail + ')'));
    }
    for (const change of Array.isArray(t.outsideChanges) ? t.outsideChanges : []) {
      const action = ACTIONS[/** @type {keyof ACTIONS} */ (change.action)] || change.action;
      notes.push(el('li', null, 'Outside the import, table ' + change.table + ': ' + plural(change.rows, 'row') + ' '
          + action));
    }
    if (t.nonTransactionalEngine) {
      notes.push(el('li', null, 'Cannot roll back (' + t.nonTransactionalEngine + ')'));
    }
    if (c.mode === 'REPLACE' && t.rowsReplaceWouldDelete > 0) {
      notes.push(el('li', null, el('strong', null, plural(t.rowsReplaceWouldDelete, 'row') + ' deleted for good')));
    } else if (c.mode === 'MERGE' && t.conflicts > 0 && c.conflictPolicy === 'SKIP') {
      notes.push(el('li', null, plural(t.conflicts, 'existing row') + ' kept'));
    } else if (c.mode === 'MERGE' && t.conflicts > 0 && c.conflictPolicy === 'OVERWRITE') {
      notes.push(el('li', null, plural(t.conflicts, 'existing row') + ' overwritten'));
    }
    return notes.length ? el('ul', { class: 'notes' }, notes) : '–';
  }

  /** @param {{mode: string, conflictPolicy: string | null}} c @param {any} p */
  function showRun(c, p) {
    importing.start.textContent = c.mode === 'REPLACE' ? 'Replace the data…' : 'Import (' + choiceText(c) + ')';
    importing.start.disabled = !!p.wouldBeRefused;
    importing.start.hidden = false;
    importing.blocked.hidden = !p.wouldBeRefused;
    importing.blocked.textContent = p.wouldBeRefused ? 'This import would be refused, as the preview says. '
        + (refusals(p).some((r) => r.code !== 'CONFLICTS') ? 'Resolve what the preview lists, then preview again.'
          : 'Choose "Keep yours" or "Take the archive\'s" for the conflicts, or Replace, and preview again.') : '';
    importing.result.hidden = true;
    importing.progress.hidden = true;
    importing.run.hidden = false;
  }

  function askToImport() {
    const shown = importing.shown;
    if (!shown || importing.running) {
      return;
    }
    if (shown.choice.mode !== 'REPLACE') {
      runImport(shown.choice, false);
      return;
    }
    const p = shown.result;
    byId('replace-summary').textContent = 'Replace makes ' + plural(p.tables.length, 'table') + ' hold exactly the '
        + 'archive\'s ' + plural(p.archiveRows, 'row') + '. ' + plural(p.rowsReplaceWouldDelete, 'row')
        + ' you have now would be deleted for good, and ' + plural(p.conflicts, 'row')
        + ' would take the archive\'s values.';
    byId('replace-tables').replaceChildren(el('table', null,
        el('caption', null, 'What each table loses'),
        el('thead', null, el('tr', null, el('th', { scope: 'col' }, 'Table'),
            el('th', { scope: 'col', class: 'num' }, 'Rows now'),
            el('th', { scope: 'col', class: 'num' }, 'Deleted for good'),
            el('th', { scope: 'col', class: 'num' }, 'Rows after'))),
        el('tbody', null, p.tables.map((/** @type {any} */ t) => el('tr', null,
            el('th', { scope: 'row' }, t.table),
            el('td', { class: 'num' }, fmt(t.targetRows)),
            el('td', { class: 'num' }, t.rowsReplaceWouldDelete > 0 ? fmt(t.rowsReplaceWouldDelete) : 'none'),
            el('td', { class: 'num' }, fmt(t.archiveRows)))))));
    byId('replace-confirm').textContent = p.rowsReplaceWouldDelete > 0 ? 'Delete ' + plural(
        p.rowsReplaceWouldDelete, 'row') + ' and replace' : 'Replace';
    importing.dialog.returnValue = '';
    importing.dialog.showModal();
  }

  function dialogClosed() {
    const shown = importing.shown;
    if (importing.dialog.returnValue === 'replace' && shown) {
      runImport(shown.choice, true);
    } else {
      announcer.now('Nothing was replaced.');
      importing.start.focus();
    }
  }

  const IMPORT_PHASES = ['VALIDATING', 'DELETING', 'WRITING', 'COMMITTING'];

  /** @param {{mode: string, conflictPolicy: string | null}} c @param {boolean} confirmed */
  async function runImport(c, confirmed) {
    const upload = importing.upload;
    const shown = importing.shown;
    if (!upload || !shown) {
      return;
    }
    const phases = IMPORT_PHASES.filter((phase) => phase !== 'DELETING' || c.mode === 'REPLACE');
    const order = shown.result.tables.map((/** @type {any} */ t) => t.table);
    importing.running = true;
    importing.file.disabled = true;
    importing.options.querySelectorAll('fieldset, button').forEach((node) => node.setAttribute('disabled', ''));
    importing.result.hidden = true;
    importing.blocked.hidden = true;
    importing.start.disabled = true;
    importing.cancel.hidden = false;
    importing.cancel.disabled = false;
    importing.cancel.focus();
    importing.text.textContent = 'Starting…';
    importing.bar.removeAttribute('value');
    drawPhases(phases, null);
    importing.progress.hidden = false;
    announcer.now('Import started: ' + choiceText(c) + '.');
    let done;
    try {
      const body = { upload: upload.id, mode: c.mode, conflictPolicy: c.conflictPolicy };
      const started = await call('POST', 'api/import/execute', confirmed ? { ...body, confirmReplace: true } : body);
      importing.operation = started;
      done = await follow(started, (op) => {
        drawPhases(phases, op.state === 'SUCCEEDED' ? null : op.phase, op.state === 'SUCCEEDED');
        const index = op.table ? order.indexOf(op.table) : -1;
        drawProgress(importing.bar, importing.text, op, index >= 0 ? ' (' + (index + 1) + ' of ' + order.length
            + ')' : '');
      });
    } catch (e) {
      if (!(e instanceof ApiError)) {
        throw e;
      }
      done = { state: 'FAILED', problem: e.problem };
    } finally {
      importing.operation = null;
      importing.running = false;
      importing.file.disabled = false;
      importing.options.querySelectorAll('fieldset, button').forEach((node) => node.removeAttribute('disabled'));
      syncPolicy();
      importing.cancel.hidden = true;
    }
    // the progress stays in view, as it ended: all steps done and the bar full, or where it stopped
    finishImport(c, done);
  }

  /** @param {string[]} phases @param {string | null} current @param {boolean} [finished] */
  function drawPhases(phases, current, finished) {
    const at = finished ? phases.length : current ? phases.indexOf(current) : -1;
    importing.phases.replaceChildren(...phases.map((phase, i) => el('li', {
      class: i < at ? 'done' : null,
      'aria-current': i === at ? 'step' : null,
    }, PHASES[/** @type {keyof PHASES} */ (phase)], el('span', { class: 'muted' }, i < at ? ' (done)'
        : i === at ? ' (now)' : ''))));
  }

  /** @param {{mode: string, conflictPolicy: string | null}} c @param {any} done */
  function finishImport(c, done) {
    if (done.state === 'SUCCEEDED') {
      const r = done.result;
      importing.upload = null; // the server deletes an upload once it is imported
      importing.file.value = '';
      importing.start.hidden = true;
      importing.options.hidden = true;
      importing.preview.hidden = true;
      importing.shown = null;
      const box = el('div', { class: 'outcome good' },
          heading(4, 'Import finished', 'Done:', 'label-good'),
          el('p', null, choiceText(c) + ': ' + plural(r.inserted, 'row') + ' added, ' + fmt(r.updated) + ' updated, '
              + fmt(r.skipped) + ' skipped, ' + fmt(r.deleted) + ' deleted, in ' + duration(r.durationMillis)
              + '.'),
          el('table', null,
              el('caption', null, 'Table by table'),
              el('thead', null, el('tr', null, ['Table', 'Added', 'Updated', 'Skipped', 'Deleted', 'Rows now',
                'Count check'].map((name, i) => el('th', { scope: 'col', class: i > 0 && i < 6 ? 'num' : null },
                name)))),
              el('tbody', null, r.tables.map((/** @type {any} */ t) => el('tr', null,
                  el('th', { scope: 'row' }, t.table),
                  el('td', { class: 'num' }, fmt(t.inserted)),
                  el('td', { class: 'num' }, fmt(t.updated)),
                  el('td', { class: 'num' }, fmt(t.skipped)),
                  el('td', { class: 'num' }, fmt(t.deleted)),
                  el('td', { class: 'num' }, fmt(t.rowsAfter)),
                  el('td', null, t.countMatches ? 'as expected' : 'differs: ' + fmt(t.expectedRows) + ' expected'))))),
          el('p', null, 'Choose another archive above to import again.'));
      show(importing.result, box);
      announcer.now('Import finished: ' + plural(r.inserted, 'row') + ' added, ' + fmt(r.updated) + ' updated, '
          + fmt(r.deleted) + ' deleted.');
      focusHeading(importing.result);
      loadStats(false);
      return;
    }
    importing.start.disabled = false;
    if (done.state === 'CANCELLED') {
      show(importing.result, el('div', { class: 'outcome warn' },
          heading(4, 'Import cancelled: nothing was changed', 'Stopped:', 'label-warn'),
          el('p', null, 'The import was rolled back; every table is as it was. The archive stays uploaded: import '
              + 'it again when you want.')));
      announcer.now('Import cancelled. Nothing was changed.');
    } else {
      const problem = done.problem || {};
      show(importing.result, problemBox(problem, { title: 'The import failed: nothing was changed', level: 4,
        retry: askToImport, retryText: 'Try the import again' }));
      announcer.now('Error: the import failed, nothing was changed. ' + (problem.detail || '') + ' '
          + (problem.suggestion || ''));
    }
    focusHeading(importing.result);
  }

  async function cancelImport() {
    const operation = importing.operation;
    if (!operation) {
      return;
    }
    importing.cancel.disabled = true;
    announcer.now('Cancelling the import; it is rolled back.');
    await cancelOperation(operation);
  }

  // ------------------------------------------------------------------------------------------ drag and drop

  function wireDropzone() {
    const zone = importing.dropzone;
    const hint = importing.dropHint.textContent;
    let depth = 0;
    const over = (/** @type {boolean} */ on) => {
      zone.classList.toggle('over', on);
      importing.dropHint.textContent = on ? 'Release to upload the file.' : hint;
    };
    zone.addEventListener('dragenter', (event) => {
      event.preventDefault();
      depth++;
      over(true);
    });
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      if (event.dataTransfer) {
        event.dataTransfer.dropEffect = 'copy';
      }
    });
    zone.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) {
        over(false);
      }
    });
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      depth = 0;
      over(false);
      const files = event.dataTransfer ? event.dataTransfer.files : null;
      if (!files || files.length !== 1) {
        archiveProblem({ detail: files && files.length > 1 ? 'You dropped ' + files.length + ' files.'
            : 'What you dropped is not a file.', suggestion: 'Drop one archive file (.zip), or choose it with the '
            + 'button.' }, 'Drop one file');
        return;
      }
      chooseFile(files[0]);
    });
    // a file dropped beside the zone must not make the browser leave the page to show it
    window.addEventListener('dragover', (event) => event.preventDefault());
    window.addEventListener('drop', (event) => event.preventDefault());
  }

  // ------------------------------------------------------------------------------------------ start

  async function start() {
    let info;
    try {
      info = await call('GET', 'api/info');
    } catch (e) {
      if (!(e instanceof ApiError)) {
        throw e;
      }
      byId('app-facts').textContent = '';
      const problem = byId('app-problem');
      show(problem, problemBox(e.problem, { title: 'The console could not be reached', level: 2,
        retry: () => window.location.reload(), retryText: 'Reload the page' }));
      focusHeading(problem);
      return;
    }
    if (info.csrf && info.csrf.headerName && !csrf.header) {
      csrf.header = info.csrf.headerName;
      csrf.token = info.csrf.token;
    }
    byId('app-name').textContent = '– ' + info.application;
    byId('app-facts').textContent = 'Application ' + info.application + ', schema version ' + info.schemaVersion
        + ', Portability ' + info.libraryVersion + '.';
    document.title = 'Export and import ' + info.application + ' – Portability';

    stats.refresh.addEventListener('click', () => loadStats(true));
    loadStats(false);

    if (info.permissions.export) {
      exporting.start.addEventListener('click', startExport);
      exporting.cancel.addEventListener('click', cancelExport);
    } else {
      exporting.start.disabled = true;
      byId('export-off').hidden = false;
    }

    if (!info.permissions.import) {
      importing.section.hidden = true;
      byId('import-off').hidden = false;
      return;
    }
    importing.maxUploadBytes = info.maxUploadBytes;
    importing.fileLimit.textContent = 'Archives of up to ' + size(info.maxUploadBytes) + '. The file is checked '
        + 'before anything is imported.';
    importing.file.addEventListener('change', () => {
      const files = importing.file.files;
      if (files && files.length === 1) {
        chooseFile(files[0]);
      }
    });
    importing.uploadCancel.addEventListener('click', () => {
      if (importing.xhr) {
        importing.xhr.abort();
      }
    });
    wireDropzone();
    importing.options.addEventListener('change', choiceChanged);
    importing.options.addEventListener('submit', (event) => {
      event.preventDefault();
      startPreview();
    });
    importing.start.addEventListener('click', askToImport);
    importing.cancel.addEventListener('click', cancelImport);
    importing.dialog.addEventListener('close', dialogClosed);
    syncPolicy();
  }

  start();
})();
