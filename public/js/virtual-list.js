/*
 * A list that holds thousands of items with a screenful of DOM rows: the rows are placed absolutely inside a spacer as
 * tall as all items together (.feed, .feed-spacer and .feed-row in dashboard.css), reused as the reader scrolls, and
 * drawn at most once per animation frame however many items arrive. The Live page's feed and the chat panel use it.
 */
(function (global) {
  'use strict';

  /**
   * options: box and spacer (elements), rowHeight (px), items() (what to show, in order), makeRow() (an object with
   * its element as el), fill(row, item) (called only when a row shows another item, or after redraw()), drawn(items)
   * (after each drawing, e.g. for a count).
   */
  function virtualList(o) {
    var rows = [];
    var dirty = false;

    function schedule() {
      if (dirty) return;
      dirty = true;
      requestAnimationFrame(draw);
    }

    function draw() {
      dirty = false;
      var items = o.items();
      o.spacer.style.height = (items.length * o.rowHeight) + 'px';
      var first = Math.floor(o.box.scrollTop / o.rowHeight);
      var count = Math.ceil(o.box.clientHeight / o.rowHeight) + 2;
      while (rows.length < count) {
        var made = o.makeRow();
        o.spacer.appendChild(made.el);
        rows.push(made);
      }
      for (var i = 0; i < rows.length; i++) {
        var index = first + i;
        var row = rows[i];
        if (i >= count || index >= items.length) { row.el.style.display = 'none'; row.item = null; continue; }
        row.el.style.display = '';
        row.el.style.transform = 'translateY(' + (index * o.rowHeight) + 'px)';
        if (row.item !== items[index]) {
          row.item = items[index];
          o.fill(row, row.item);
        }
      }
      if (o.drawn) o.drawn(items);
    }

    o.box.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return {
      schedule: schedule,
      /** Every row is filled again on the next frame: what they show changed, not which items they show. */
      redraw: function () {
        rows.forEach(function (r) { r.item = null; });
        schedule();
      },
      /** An item arrived above the ones the reader looks at: they stay where they are on the screen. */
      keepPlace: function () {
        if (o.box.scrollTop > 0) o.box.scrollTop += o.rowHeight;
      },
      /** The row element an item is shown in, or null. */
      rowOf: function (item) {
        var found = rows.filter(function (r) { return r.item === item; })[0];
        return found ? found.el : null;
      }
    };
  }

  global.LTTH = global.LTTH || {};
  global.LTTH.virtualList = virtualList;
})(window);
