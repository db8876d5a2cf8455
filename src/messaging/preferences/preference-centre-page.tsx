import type { ConsentWording } from '../../owners/consents.ts';
import type { RecognisedOwner } from '../../owners/owner-session.ts';
import type { Site } from '../../owner-site/site-request.tsx';
import type { MessageChannel } from '../tables.ts';
import type { ChannelChoices } from './channel-choices.ts';

const fieldset = { border: 0, padding: 0, margin: 0 } as const;

/** The zones offered: the owner's country's (all of them when the country is unknown), and whatever is current. */
function zoneOptions(owner: RecognisedOwner, choices: ChannelChoices): string[] {
  let zones: string[] = [];
  if (owner.country) {
    try {
      const locale = new Intl.Locale(`und-${owner.country}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
      zones = locale.getTimeZones?.() ?? locale.timeZones ?? [];
    } catch {
      zones = [];
    }
  }
  if (zones.length === 0) zones = Intl.supportedValuesOf('timeZone');
  return [...new Set([...zones, choices.addressTimeZone, ...(choices.chosenTimeZone ? [choices.chosenTimeZone] : [])])].sort();
}

/**
 * Every way the brand may reach the owner, on one form: news and offers per channel (marketing consent,
 * shown in the very words it is recorded with), the "stop everything" switch per channel (hard opt-outs;
 * safety notices still come), and the time zone messages are timed by. Works without JavaScript.
 */
export function PreferenceCentre({ site, owner, choices, wordings, action, saved }: {
  site: Site;
  owner: RecognisedOwner;
  choices: ChannelChoices;
  wordings: Readonly<Record<MessageChannel, ConsentWording>>;
  action: string;
  saved: boolean;
}) {
  const { t } = site.page;
  const brand = site.brand.name;
  const channels: { channel: MessageChannel; address: string | null }[] = [
    { channel: 'email', address: owner.email },
    { channel: 'sms', address: owner.phone },
  ];
  return (
    <>
      <h1>{t('claims.preferences.title')}</h1>
      {saved ? <p role="status" className="badge">{t('claims.preferences.saved')}</p> : null}
      <form method="post" action={action}>
        <div className="card">
          <fieldset style={fieldset}>
            <legend><strong>{t('messaging.preferences.newsLegend')}</strong></legend>
            {owner.safetyOnly ? <p>{t('account.safetyOnlyNote')}</p> : channels.map(({ channel, address }) => (
              <div key={channel}>
                <label className="check" htmlFor={`consent_${channel}`}>
                  <input type="checkbox" id={`consent_${channel}`} name={`consent_${channel}`} defaultChecked={choices.consents[channel] === true} disabled={address === null} aria-describedby={`consent_${channel}-hint`} />
                  <span>{wordings[channel].text}</span>
                </label>
                <span className="hint" id={`consent_${channel}-hint`}>{address ?? t('claims.preferences.noPhone')}</span>
              </div>
            ))}
          </fieldset>
        </div>
        <div className="card">
          <fieldset style={fieldset}>
            <legend><strong>{t('claims.preferences.legend')}</strong></legend>
            <p>{t('claims.preferences.intro', { brand })}</p>
            {channels.map(({ channel, address }) => {
              const reason = choices.stops[channel];
              // A bounce or a complaint is not the owner's to lift; a channel with no address has nothing to stop.
              const fixed = reason === 'bounced' || reason === 'complained' || address === null;
              return (
                <div key={channel}>
                  <label className="check" htmlFor={`stop_${channel}`}>
                    <input type="checkbox" id={`stop_${channel}`} name={`stop_${channel}`} defaultChecked={reason !== undefined} disabled={fixed} aria-describedby={`stop_${channel}-hint`} />
                    <span>{t(`claims.preferences.stop_${channel}`, { brand })}</span>
                  </label>
                  <span className="hint" id={`stop_${channel}-hint`}>
                    {address === null ? t('claims.preferences.noPhone') : reason === 'bounced' || reason === 'complained' ? t(`claims.preferences.${reason}`, { address }) : address}
                  </span>
                </div>
              );
            })}
            <p className="hint">{t('claims.preferences.safetyNote')}</p>
          </fieldset>
        </div>
        <div className="card">
          <label htmlFor="time_zone">{t('messaging.preferences.timeZone')}</label>
          <span className="hint" id="time_zone-hint">{t('messaging.preferences.timeZoneHint')}</span>
          <select id="time_zone" name="time_zone" defaultValue={choices.chosenTimeZone ?? ''} aria-describedby="time_zone-hint">
            <option value="">{t('messaging.preferences.timeZoneAuto', { zone: choices.addressTimeZone.replace(/_/g, ' ') })}</option>
            {zoneOptions(owner, choices).map((zone) => <option key={zone} value={zone}>{zone.replace(/_/g, ' ')}</option>)}
          </select>
        </div>
        <button type="submit">{t('claims.preferences.save')}</button>
      </form>
    </>
  );
}
