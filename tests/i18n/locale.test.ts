import { describe, expect, test } from 'vitest';
import { CalcError } from '../../src/calc/index';
import { localeFromPath } from '../../src/i18n/locale';
import { parseChoice, parseInteger } from '../../src/widget/fields';
import { checkAnswer } from '../../src/widget/exercise';
import { errorMessage } from '../../src/widget/messages';
import { messagesZh } from '../../src/widget/messages.zh-cn';
import { templateEnglishWords } from '../support/english';

describe('localeFromPath', () => {
  test.each([
    ['/', '/', 'en'],
    ['/vgg/', '/', 'en'],
    ['/zh-cn/', '/', 'zh-cn'],
    ['/zh-cn/vgg/', '/', 'zh-cn'],
    ['/backbone-notebook/zh-cn/resnet/', '/backbone-notebook/', 'zh-cn'],
    ['/backbone-notebook/resnet/', '/backbone-notebook/', 'en'],
    ['/backbone-notebook/zh-cn/', '/backbone-notebook', 'zh-cn'],
    // A chapter whose slug merely starts with the letters is English.
    ['/zh-cnx/', '/', 'en'],
  ])('%s under base %s is %s', (path, base, locale) => {
    expect(localeFromPath(path, base)).toBe(locale);
  });
});

const KERNEL = { kind: 'int', min: 1, max: 11 } as const;

describe('bad input on a Chinese page gets the same rules, in Chinese', () => {
  test.each([
    ['', '请输入一个数。'],
    ['abc', '只能输入数字，例如 3。'],
    ['<img src=x onerror=alert(1)>', '只能输入数字，例如 3。'],
    ['-3', '不能小于 1。'],
    ['0', '不能小于 1。'],
    ['2.5', '必须是整数。'],
    ['12', '不能大于 11。'],
    ['1e309', '不能大于 11。'],
  ])('%j: %s', (raw, message) => {
    expect(parseInteger(raw, KERNEL, messagesZh)).toEqual({ ok: false, message });
  });

  test('a choice outside the list names the options', () => {
    expect(parseChoice('x', { kind: 'choice', options: ['8', '16'] }, messagesZh)).toEqual({ ok: false, message: '请从以下选项中选择：8, 16。' });
  });

  test('exercise feedback', () => {
    const spec = { answer: 11, explanation: '每层加上 (k − 1)·S。', hints: [{ value: 7, text: '这忽略了步长。' }] };
    expect(checkAnswer('11', spec, messagesZh).message).toBe('正确。每层加上 (k − 1)·S。');
    expect(checkAnswer('7', spec, messagesZh).message).toBe('还不对。这忽略了步长。');
    expect(checkAnswer('12', spec, messagesZh).message).toMatch(/^还不对：12 偏大/);
    expect(checkAnswer('3', spec, messagesZh).message).toMatch(/^还不对：3 偏小/);
    expect(checkAnswer('x', spec, messagesZh).message).toBe('只能输入数字，例如 3。');
  });

  test('English pages keep the English rules (no table adopted)', () => {
    expect(parseInteger('12', KERNEL)).toEqual({ ok: false, message: 'Must be at most 11.' });
  });
});

describe('the core’s typed errors, translated by kind at the widget layer', () => {
  test('kernel too large names the layer, in Chinese', () => {
    const error = new CalcError('kernel-too-large', 'conv1', 'kernel 11×11 does not fit a 5×5 input', 'kernel');
    expect(errorMessage(error, messagesZh)).toBe('conv1：窗口（计入空洞后）比填充后的输入还大，放不下。');
    expect(errorMessage(error)).toBe('conv1: kernel 11×11 does not fit a 5×5 input');
  });
  test('a field-specific message wins over the kind; a bare formula has no layer prefix', () => {
    const error = new CalcError('bad-parameter', '', 'padding must be at most half the kernel', 'padding');
    expect(errorMessage(error, messagesZh)).toBe('每侧填充不能超过有效卷积核的一半。');
  });
  test('a message the widget already wrote in the page language is kept', () => {
    const error = Object.assign(new CalcError('bad-parameter', '', '只有池化层可以向上取整。', 'rounding'), { localized: true });
    expect(errorMessage(error, messagesZh)).toBe('只有池化层可以向上取整。');
  });
  test('every Chinese message is free of English words', () => {
    for (const [key, text] of Object.entries(messagesZh)) expect(templateEnglishWords(text), key).toEqual([]);
  });
});
