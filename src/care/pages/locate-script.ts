/**
 * "Use my location" on the service-centre page: an enhancement for browsers with geolocation. The
 * page works without it (postal code search); with it, a button asks the browser for the position and
 * reloads the page with `lat` and `lon`. The labels come from the form's data attributes, so the
 * script itself holds no words and is the same for every brand and language.
 */
export const locateScript = `(function () {
  var form = document.querySelector('form[data-locate-label]');
  if (!form || !navigator.geolocation) return;
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = form.getAttribute('data-locate-label');
  var status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.className = 'hint';
  button.addEventListener('click', function () {
    button.disabled = true;
    status.textContent = form.getAttribute('data-locate-waiting');
    navigator.geolocation.getCurrentPosition(function (position) {
      var url = new URL(form.action, location.href);
      url.searchParams.set('lat', position.coords.latitude.toFixed(4));
      url.searchParams.set('lon', position.coords.longitude.toFixed(4));
      location.assign(url.toString());
    }, function () {
      button.disabled = false;
      status.textContent = form.getAttribute('data-locate-failed');
    }, { timeout: 15000, maximumAge: 600000 });
  });
  form.appendChild(button);
  form.appendChild(status);
})();
`;
