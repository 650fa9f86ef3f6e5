// The web map's script: the inlined layers drawn by Leaflet (SVG renderer, no tiles), the
// labels and town dots of the static map, event markers whose popups say the event in words
// (a bottom sheet on phones), the legend and its phone button. Nothing is fetched.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('mw-data').textContent);
  var scene = data.scene, layers = data.layers, st = scene.style;
  var phone = window.matchMedia('(max-width: 599px)');
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var MARK_REACH = 9;  // px a marker keeps clear each side of its point (as on the static map)

  // Hatches as SVG patterns, as the static SVG draws them: lines along the pattern's edge.
  function hatch(id, h) {
    var p = document.createElementNS(SVG_NS, 'pattern');
    p.setAttribute('id', id);
    p.setAttribute('patternUnits', 'userSpaceOnUse');
    p.setAttribute('width', h.spacing);
    p.setAttribute('height', h.spacing);
    p.setAttribute('patternTransform', 'rotate(' + h.angle + ')');
    var l = document.createElementNS(SVG_NS, 'line');
    l.setAttribute('x1', 0);
    l.setAttribute('y1', 0);
    l.setAttribute('x2', h.spacing);
    l.setAttribute('y2', 0);
    l.setAttribute('stroke', h.color);
    l.setAttribute('stroke-width', 2 * h.width);
    p.appendChild(l);
    document.getElementById('mw-defs').appendChild(p);
  }
  hatch('mw-hatch-occupied', st.occupied_hatch);

  var map = L.map('mw-map', {
    zoomSnap: 0.25, zoomDelta: 0.5, attributionControl: false, maxBoundsViscosity: 0.8
  });
  var e = scene.extent, b = scene.bounds;
  map.fitBounds(L.latLngBounds([e[1], e[0]], [e[3], e[2]]), { animate: false });
  var start = map.getZoom();
  // The layers reach a little beyond the initial view (scene.bounds): zooming out stops there.
  map.setMinZoom(Math.max(0, start - 0.5));
  map.setMaxZoom(start + 5);
  map.setMaxBounds(L.latLngBounds([b[1], b[0]], [b[3], b[2]]));
  map.getContainer().style.background = st.ocean;

  // A path as the page stores it: fixed-point lon/lat, each pair the change from the last.
  function decode(path) {
    var out = [], x = 0, y = 0;
    for (var i = 0; i + 1 < path.length; i += 2) {
      x += path[i];
      y += path[i + 1];
      out.push(L.latLng(y / layers.scale, x / layers.scale));
    }
    return out;
  }
  // A layer's areas: one shape, rings filled even-odd (as the static map fills them).
  function areas(paths, fill) {
    if (!paths.length) return;
    L.polygon(paths.map(decode), { stroke: false, fill: true, fillColor: fill, fillOpacity: 1,
      fillRule: 'evenodd', interactive: false }).addTo(map);
  }
  function lines(paths, stroke, weight) {
    if (!paths.length) return;
    L.polyline(paths.map(decode), { color: stroke, weight: weight, opacity: 1, fill: false,
      lineJoin: 'round', interactive: false }).addTo(map);
  }
  // In the static map's order: areas, control areas, occupied areas, water, lines.
  areas(layers.land, st.land);
  areas(layers.countries, st.land);
  areas(layers.focus, st.focus);
  areas(layers.highlight, st.highlight);
  areas(layers.control, st.control);
  lines(layers.control, st.control_edge.color, st.control_edge.width);
  areas(layers.occupied, st.occupied);
  areas(layers.occupied, 'url(#mw-hatch-occupied)');
  areas(layers.lakes, st.lake);
  lines(layers.rivers, st.river.color, st.river.width);
  // An aggregate map's cells, one fill per class, edged as the static map edges them.
  layers.aggregate.forEach(function (cells, k) {
    areas(cells, scene.aggregate_fills[k]);
    lines(cells, st.admin1_border.color, 0.4);
  });
  lines(layers.admin1, st.admin1_border.color, st.admin1_border.width);
  lines(layers.highlight, st.highlight_border.color, st.highlight_border.width);
  lines(layers.borders, st.country_border.color, st.country_border.width);
  scene.layers.forEach(function (spec, i) {
    var user = layers.user[i];
    if (spec.fill) areas(user.areas, spec.fill);
    lines(user.areas.concat(user.lines), spec.stroke, spec.width);
    user.points.forEach(function (p) {
      L.circleMarker(decode(p)[0], { radius: spec.radius, color: st.halo, weight: 1,
        fillColor: spec.fill || spec.stroke, fillOpacity: 1, interactive: false }).addTo(map);
    });
  });

  scene.dots.forEach(function (d) {
    L.circleMarker([d.lat, d.lon], { radius: d.capital ? 3.2 : 2.4, color: st.halo, weight: 1,
      fillColor: st.place_dot, fillOpacity: 1, interactive: false }).addTo(map);
  });

  // The labels that found room on the static map, at their places, under the markers.
  map.createPane('mw-labels').style.zIndex = 550;
  var labelSpans = [];
  scene.labels.forEach(function (l) {
    var span = document.createElement('span');
    span.textContent = l.text;
    span.style.fontSize = l.size + 'px';
    span.style.fontFamily = '"' + scene.font + '", "DejaVu Sans", sans-serif';
    span.style.fontWeight = l.bold ? 'bold' : 'normal';
    span.style.fontStyle = l.italic ? 'italic' : 'normal';
    span.style.letterSpacing = l.spacing + 'px';
    span.style.color = l.color;
    if (l.halo) {
      var h = l.halo;
      span.style.textShadow = '0 0 2px ' + h + ', 0 0 2px ' + h + ', 0 0 3px ' + h + ', 0 0 4px ' + h;
    }
    L.marker([l.lat, l.lon], {
      icon: L.divIcon({ className: 'mw-label', html: span, iconSize: [0, 0] }),
      interactive: false, keyboard: false, pane: 'mw-labels'
    }).addTo(map);
    labelSpans.push(span);
  });

  // The user's annotations: a boxed note pointing at its place.
  scene.annotations.forEach(function (a) {
    L.tooltip({ permanent: true, direction: 'right', offset: [6, 0], className: 'mw-annotation',
      interactive: false }).setLatLng([a.lat, a.lon]).setContent(a.text).addTo(map);
  });

  L.control.scale({ imperial: false, position: 'bottomright', maxWidth: 150 }).addTo(map);

  // Popups: the event in words.
  function details(m, titleId) {
    var div = document.createElement('div');
    div.className = 'mw-popup';
    var h = document.createElement('h2');
    h.textContent = m.name;
    if (titleId) h.id = titleId;
    div.appendChild(h);
    var dl = document.createElement('dl');
    m.details.forEach(function (d) {
      var dt = document.createElement('dt');
      dt.textContent = d[0];
      var dd = document.createElement('dd');
      dd.textContent = d[1];
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    div.appendChild(dl);
    return div;
  }

  var sheet = document.getElementById('mw-sheet');
  var sheetBody = sheet.querySelector('.mw-sheet-body');
  var popup = L.popup({ maxWidth: 340, autoPanPadding: [24, 24] });
  var markers = [], active = -1;

  function activate(i) {
    if (active >= 0) markers[active].getElement().classList.remove('mw-active');
    active = i;
    if (i >= 0) markers[i].getElement().classList.add('mw-active');
  }
  function closeSheet() {
    if (sheet.hidden) return;
    sheet.hidden = true;
    if (active >= 0) markers[active].getElement().focus();
    activate(-1);
  }
  function show(i) {
    var m = scene.marks[i];
    activate(i);
    if (phone.matches) {
      map.closePopup();
      sheetBody.replaceChildren(details(m, 'mw-sheet-title'));
      sheet.hidden = false;
      sheet.querySelector('.mw-sheet-close').focus();
    } else {
      sheet.hidden = true;
      popup.setLatLng(markers[i].getLatLng()).setContent(details(m)).openOn(map);
    }
  }
  sheet.querySelector('.mw-sheet-close').addEventListener('click', closeSheet);
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') closeSheet(); });
  map.on('popupclose', function () { if (sheet.hidden) activate(-1); });
  phone.addEventListener('change', function () { map.closePopup(); closeSheet(); });

  scene.marks.forEach(function (m, i) {
    var box = m.box;  // x, y, w, h around the marker's centre
    var marker = L.marker([m.lat, m.lon], {
      icon: L.divIcon({ className: 'mw-marker', html: m.svg, iconSize: [box[2], box[3]],
        iconAnchor: [-box[0], -box[1]] }),
      keyboard: true, riseOnHover: true
    }).addTo(map);
    var el = marker.getElement();
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', m.name);
    el.setAttribute('data-event-type', m.type);
    el.style.setProperty('--mw-ox', -box[0] + 'px');
    el.style.setProperty('--mw-oy', -box[1] + 'px');
    marker.on('click', function () { show(i); });
    el.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        show(i);
      }
    });
    markers.push(marker);
  });

  // The legend, and its button on phones.
  var list = document.getElementById('mw-legend-entries');
  scene.legend.forEach(function (entry) {
    var li = document.createElement('li');
    li.innerHTML = entry.svg;
    var span = document.createElement('span');
    span.textContent = entry.text;
    li.appendChild(span);
    list.appendChild(li);
  });
  var legend = document.getElementById('mw-legend');
  var button = document.getElementById('mw-legend-button');
  button.addEventListener('click', function () {
    var open = legend.classList.toggle('mw-open');
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
  // The legend sits over the map, popups inside it: a popup the legend would cover hides the
  // legend until it closes.
  function uncover() {
    var open = popup.isOpen() && popup.getElement();
    var p = open && popup.getElement().getBoundingClientRect(), l = legend.getBoundingClientRect();
    var covered = open && p.left < l.right && l.left < p.right && p.top < l.bottom && l.top < p.bottom;
    legend.classList.toggle('mw-behind', !!covered);
  }
  map.on('popupopen moveend', uncover);
  map.on('popupclose', function () { legend.classList.remove('mw-behind'); });

  // Zoomed out (a phone's narrower map, or the reader), labels would crowd: in the static map's
  // order of priority, a label that overlaps a marker or a label before it is hidden.
  function declutter() {
    // A marker keeps the box the static map reserves for it: 9 px each side of its point.
    var boxes = markers.map(function (m, i) {
      var r = m.getElement().getBoundingClientRect(), box = scene.marks[i].box;
      var x = r.left - box[0], y = r.top - box[1];
      return { left: x - MARK_REACH, right: x + MARK_REACH, top: y - MARK_REACH, bottom: y + MARK_REACH };
    });
    var rects = labelSpans.map(function (span) { return span.getBoundingClientRect(); });
    rects.forEach(function (r, i) {
      var clash = boxes.some(function (b) {
        return r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom;
      });
      labelSpans[i].style.visibility = clash ? 'hidden' : 'visible';
      if (!clash) boxes.push(r);
    });
  }
  map.on('zoomend', declutter);
  window.requestAnimationFrame(declutter);

  window.mapwire = { map: map, markers: markers, ready: performance.now() };
  document.documentElement.setAttribute('data-mapwire-ready', 'true');
})();
