/*
 * Draws a page's charts from its page-data JSON (fetched from the element's data-page-data, same
 * origin, with the session cookie). Chart options come ready from the server (built in Java);
 * this file only mounts them, adds each chart's table and download links, and follows drill-down
 * clicks. No inline script: the Content-Security-Policy is script-src 'self'.
 */
(function () {
  'use strict';

  var root = document.querySelector('[data-page-data]');
  if (!root || typeof echarts === 'undefined') {
    return;
  }
  var words = document.getElementById('chart-labels').dataset;
  var mounted = [];

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function cell(value) {
    return typeof value === 'number' ? tadaforNumbers.isolated(value) : (value === null ? '' : String(value));
  }

  function headline(figures) {
    var list = root.querySelector('[data-headline]');
    if (!list) {
      return;
    }
    figures.forEach(function (figure) {
      var item = element('div', 'figure');
      item.dataset.key = figure.key;
      item.appendChild(element('dt', null, figure.label));
      var value = element('dd', 'value');
      if (figure.lineage) {
        // "Where does this number come from?": the items the figure is made of.
        var link = element('a', 'lineage', figure.value);
        link.href = figure.lineage;
        link.title = words.lineage;
        value.appendChild(link);
      } else {
        value.textContent = figure.value;
      }
      item.appendChild(value);
      var change = element('dd', 'change', figure.change === null || figure.change === undefined
        ? words.previous + ' ' + figure.previous
        : figure.change + ' · ' + words.previous + ' ' + figure.previous);
      if (figure.change) {
        // the figure comes between Unicode isolates (U+2068 … U+2069)
        change.classList.add(figure.change.replace(/[\u2066-\u2069]/g, '').charAt(0) === '-' ? 'down' : 'up');
      }
      item.appendChild(change);
      list.appendChild(item);
    });
  }

  function table(chart) {
    var details = element('details', 'table-view');
    details.appendChild(element('summary', null, words.table));
    var grid = element('table');
    var head = element('tr');
    chart.table.columns.forEach(function (column) {
      var th = element('th', null, column);
      th.scope = 'col';
      head.appendChild(th);
    });
    grid.appendChild(element('thead')).appendChild(head);
    var body = element('tbody');
    chart.table.rows.forEach(function (row) {
      var tr = element('tr');
      row.forEach(function (value) {
        tr.appendChild(element('td', typeof value === 'number' ? 'number' : null, cell(value)));
      });
      body.appendChild(tr);
    });
    grid.appendChild(body);
    details.appendChild(grid);
    return details;
  }

  function downloads(chart) {
    var links = element('p', 'downloads');
    [['csv', words.csv], ['csv-fr', words.csvFr], ['xlsx', words.xlsx]].forEach(function (format) {
      var link = element('a', null, format[1]);
      link.href = root.dataset.tableBase + encodeURIComponent(chart.id) + root.dataset.query + '&format=' + format[0];
      link.setAttribute('download', '');
      links.appendChild(link);
    });
    return links;
  }

  /** Follows a clicked item's drill link: only a path on this site. */
  function drill(params) {
    var target = params.data && params.data.drill;
    if (typeof target === 'string' && target.charAt(0) === '/' && target.charAt(1) !== '/') {
      window.location.assign(target);
    }
  }

  function mount(chart, card) {
    var canvas = element('div', 'chart');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', chart.title + '. ' + chart.description);
    card.insertBefore(canvas, card.querySelector('.table-view'));
    var instance = echarts.init(canvas, null, { renderer: 'canvas' });
    instance.on('finished', function () {
      card.dataset.drawn = 'true';
    });
    instance.on('click', drill);
    instance.setOption(tadaforNumbers.localise(chart.option, chart.title + '. ' + chart.description));
    mounted.push(instance);
  }

  /** A small trend line drawn into the page's own placeholder for it (data-sparkline). */
  function sparkline(chart) {
    var holder = root.querySelector('[data-sparkline="' + CSS.escape(chart.id) + '"]');
    if (!holder) {
      return;
    }
    if (chart.empty) {
      // no actual in any semester: the server says why (never measured here, or every one protected)
      holder.appendChild(element('span', 'notice empty-sparkline', chart.empty));
      holder.dataset.drawn = 'true';
      return;
    }
    holder.setAttribute('role', 'img');
    holder.setAttribute('aria-label', chart.description);
    var instance = echarts.init(holder, null, { renderer: 'canvas' });
    instance.on('finished', function () {
      holder.dataset.drawn = 'true';
    });
    instance.setOption(tadaforNumbers.localise(chart.option, chart.description));
    mounted.push(instance);
  }

  /** Adds the chart's card to the page now (so that every card has its final width), and draws it after. */
  function card(chart, holder) {
    var section = element('section', 'chart-card');
    holder.appendChild(section);
    section.dataset.chart = chart.id;
    section.appendChild(element('h2', null, chart.title));
    section.appendChild(element('p', 'description', chart.description));
    if (chart.empty) {
      // nothing to draw: the server says why (no data, not yet pulled, or every figure below the threshold)
      var why = element('p', 'notice empty-chart', chart.empty);
      why.setAttribute('role', 'status');
      section.appendChild(why);
    }
    section.appendChild(table(chart));
    section.appendChild(downloads(chart));
    if (chart.geo) {
      section.appendChild(element('p', 'credit', words.credit));
    }
    return function () {
      if (chart.empty) {
        section.dataset.drawn = 'true';
        return Promise.resolve();
      }
      if (!chart.geo) {
        mount(chart, section);
        return Promise.resolve();
      }
      return fetch(chart.geo.url, { credentials: 'same-origin' })
        .then(function (response) { return response.json(); })
        .then(function (shapes) {
          echarts.registerMap(chart.geo.name, shapes);
          mount(chart, section);
        });
    };
  }

  fetch(root.dataset.pageData, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (response.redirected && new URL(response.url).pathname === '/login') {
        // the session has expired: the page itself goes to sign-in, which brings the reader back here
        window.location.reload();
        return new Promise(function () {});
      }
      if (!response.ok) {
        throw new Error(response.status + ' ' + response.statusText);
      }
      return response.json();
    })
    .then(function (data) {
      headline(data.headline || []);
      var holder = root.querySelector('[data-charts]');
      (data.sparklines || []).forEach(sparkline);
      var draws = (data.charts || []).map(function (chart) {
        return card(chart, holder);
      });
      return Promise.all(draws.map(function (draw) { return draw(); }));
    })
    .then(function () {
      root.dataset.ready = 'true';
    })
    .catch(function (error) {
      root.appendChild(element('p', 'alert', words.error + ' (' + error.message + ')'));
      root.dataset.ready = 'failed';
    });

  window.addEventListener('resize', function () {
    mounted.forEach(function (instance) { instance.resize(); });
  });
})();
