/*
 * How the charts write numbers, as the server does (ma.tadafor.dashboard.wording.Numbers): Western
 * digits, groups separated by a narrow no-break space, a decimal comma, in French and in Arabic
 * alike ("40 000", "0,2"), never ECharts' English "40,000" / "0.2". localise(option, label) gives a
 * chart's value axes, tooltip and labels that format, and screen readers the page's label instead
 * of ECharts' English description. Shared by charts.js and the committee brief, which inlines it.
 */
var tadaforNumbers = (function () {
  'use strict';

  var writer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, numberingSystem: 'latn' });

  function format(value) {
    return typeof value === 'number' && isFinite(value) ? writer.format(value) : value;
  }

  /** Inside first-strong isolates, so that right-to-left text keeps the groups in order. */
  function isolated(value) {
    return '\u2068' + format(value) + '\u2069';
  }

  function list(axes) {
    return axes === undefined || axes === null ? [] : (Array.isArray(axes) ? axes : [axes]);
  }

  function localise(option, label) {
    list(option.xAxis).concat(list(option.yAxis)).forEach(function (axis) {
      if (axis.type === 'value' || axis.type === undefined && !axis.data) {
        axis.axisLabel = Object.assign({}, axis.axisLabel);
        if (!axis.axisLabel.formatter) {
          axis.axisLabel.formatter = format;
        }
      }
    });
    list(option.tooltip).forEach(function (tooltip) {
      tooltip.valueFormatter = format;
    });
    list(option.series).forEach(function (series) {
      if (series.label && series.label.show && !series.label.formatter) {
        series.label.formatter = function (params) {
          return typeof params.value === 'number' ? format(params.value) : params.name;
        };
      }
    });
    if (label) {
      option.aria = { enabled: true, label: { description: label } };
    }
    return option;
  }

  return { format: format, isolated: isolated, localise: localise };
})();
