import { describe, expect, it } from 'vitest';
import { checkClaimInput } from './claim-input.ts';

const rules = { problemCodes: ['leak', 'other'], country: 'US' };
const valid = { problemCategory: 'leak', description: '  Water under the door.  ', contactChannels: ['email'] };

describe('checking a claim as written', () => {
  it('accepts a complete claim, trimmed, with no phone needed for email only', () => {
    expect(checkClaimInput(valid, rules)).toEqual({
      ok: true,
      claim: { problemCategory: 'leak', description: 'Water under the door.', videoUrl: null, contactChannels: ['email'], contactPhone: null },
    });
  });

  it('reads a local phone number in the owner’s country and keeps it in E.164', () => {
    const check = checkClaimInput({ ...valid, contactChannels: ['sms', 'email'], contactPhone: '(415) 555-0132' }, rules);
    expect(check).toMatchObject({ ok: true, claim: { contactChannels: ['email', 'sms'], contactPhone: '+14155550132' } });
  });

  it('says what is wrong with each field', () => {
    const check = checkClaimInput({ problemCategory: 'fire', description: ' ', videoUrl: 'javascript:alert(1)', contactChannels: ['pigeon'], contactPhone: '12' }, rules);
    expect(check).toEqual({
      ok: false,
      problems: {
        problem: { key: 'claims.errors.problem_unknown' },
        description: { key: 'claims.errors.description_required' },
        video_url: { key: 'claims.errors.video_url_invalid' },
        contact: { key: 'claims.errors.contact_required' },
        phone: { key: 'claims.errors.phone_invalid' },
      },
    });
  });

  it('asks for a phone number when the owner wants a call or a text', () => {
    expect(checkClaimInput({ ...valid, contactChannels: ['phone'] }, rules)).toEqual({ ok: false, problems: { phone: { key: 'claims.errors.phone_required' } } });
  });

  it('needs a problem, a description within bounds and a way to be reached', () => {
    const check = checkClaimInput({ description: 'x'.repeat(4001), contactChannels: [] }, rules);
    expect(check.ok ? {} : check.problems).toEqual({
      problem: { key: 'claims.errors.problem_required' },
      description: { key: 'claims.errors.description_too_long', values: { max: '4000' } },
      contact: { key: 'claims.errors.contact_required' },
    });
  });

  it('takes a video link on the web', () => {
    expect(checkClaimInput({ ...valid, videoUrl: 'https://youtu.be/abc123' }, rules)).toMatchObject({ ok: true, claim: { videoUrl: 'https://youtu.be/abc123' } });
    expect(checkClaimInput({ ...valid, videoUrl: 'https://localhost/x' }, rules).ok).toBe(false);
  });
});
