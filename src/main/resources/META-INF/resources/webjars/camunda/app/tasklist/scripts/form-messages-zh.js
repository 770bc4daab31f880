// Rectiflow (整改通): form-js in Camunda 7.24 writes its validation messages in English only. Show them in
// Chinese, unless the browser asks for English (the same rule the webapp uses to pick its language).
const english = ((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase().startsWith('en');

const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `请至少填写 ${m[1]} 个字。`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `最多只能填写 ${m[1]} 个字。`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must match pattern (.+)\.$/, (m) => `格式不正确，应符合 ${m[1]}。`],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱。'],
  [/^Field must be a valid phone number\.$/, () => '请填写有效的电话号码。'],
  [/^Value is not a valid number\.$/, () => '请填写有效的数字。']
];

function translate(node) {
  const text = node.nodeValue && node.nodeValue.trim();
  if (!text || !node.parentElement || !node.parentElement.closest('.fjs-form-field-error')) {
    return;
  }
  for (const [pattern, chinese] of MESSAGES) {
    const match = text.match(pattern);
    if (match) {
      node.nodeValue = chinese(match);
      return;
    }
  }
}

function walk(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translate(node);
  }
}

if (!english) {
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        translate(mutation.target);
      }
      mutation.addedNodes.forEach((node) => (node.nodeType === Node.TEXT_NODE ? translate(node) : walk(node)));
    }
  }).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
}
