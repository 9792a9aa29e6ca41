// The site's one stylesheet, served as a hashed static file (web/assets.ts):
// no inline <style>, so the Content-Security-Policy needs no exception for it.
export const css = `
:root{color-scheme:light dark;--fg:#1b1b1b;--muted:#5b5b5b;--bg:#fbfaf7;--card:#fff;--line:#dedad2;--accent:#1f4e79;--ok:#1d6b2f;--err:#a1262f}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--fg:#ecebe8;--muted:#b0aea8;--bg:#141414;--card:#1d1d1d;--line:#333;--accent:#8cb8e6;--ok:#7fd08f;--err:#ff8f96}}
:root[data-theme=dark]{color-scheme:dark;--fg:#ecebe8;--muted:#b0aea8;--bg:#141414;--card:#1d1d1d;--line:#333;--accent:#8cb8e6;--ok:#7fd08f;--err:#ff8f96}:root[data-theme=light]{color-scheme:light}
*{box-sizing:border-box}body{margin:0;font:17px/1.55 Georgia,'Times New Roman',serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.top{display:flex;justify-content:space-between;align-items:center;gap:.75rem;max-width:980px;margin:0 auto;padding:.75rem 1rem;border-bottom:1px solid var(--line);font-family:system-ui,sans-serif}
.brand{font:800 1.4rem system-ui,sans-serif;letter-spacing:-.02em;color:var(--fg);text-decoration:none}
.top nav{display:flex;gap:1rem;align-items:center}.top nav a{white-space:nowrap}@media (max-width:420px){.brand{font-size:1.15rem}.top nav{gap:.6rem;font-size:.9rem}}
@media (max-width:480px){.top nav .trial{display:none}.top nav{gap:.75rem;font-size:.95rem}}
main{max-width:560px;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font:700 1.8rem/1.2 system-ui,sans-serif;margin:.5rem 0 1rem}h2{font:700 1.2rem system-ui,sans-serif;margin:2rem 0 .5rem}
form{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1.25rem;margin:1rem 0}
label{display:block;font:600 .9rem system-ui,sans-serif;margin:.75rem 0 .25rem}
input[type=email],input[type=password],input[type=text]{width:100%;font:inherit;padding:.6rem .7rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
button{font:600 1rem system-ui,sans-serif;background:var(--accent);color:var(--bg);border:0;border-radius:6px;padding:.65rem 1.1rem;margin-top:1rem;cursor:pointer}
button.secondary{background:transparent;color:var(--accent);border:1px solid var(--accent)}
.hint{color:var(--muted);font-size:.9rem;font-family:system-ui,sans-serif}
.notice{padding:.75rem 1rem;border-radius:8px;margin:1rem 0;font-family:system-ui,sans-serif}
.notice.ok{border:1px solid var(--ok);color:var(--ok)}.notice.error{border:1px solid var(--err);color:var(--err)}
table{width:100%;border-collapse:collapse;font:.9rem system-ui,sans-serif}td,th{text-align:left;padding:.4rem;border-bottom:1px solid var(--line)}
.plans{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(220px,1fr))}
.plan{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1.25rem}.plan .price{font:700 1.6rem system-ui,sans-serif}
main.wide{max-width:980px}
.promo{margin:0 0 1rem;background:var(--accent);color:var(--bg);font:600 .95rem system-ui,sans-serif;padding:.6rem 1rem;text-align:center}.promo a{color:var(--bg)}
.article{max-width:680px;margin:0 auto}.masthead{font:800 .85rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.08em;color:var(--brand,var(--fg))}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]) .masthead{color:var(--brand-dark,var(--fg))}}:root[data-theme=dark] .masthead{color:var(--brand-dark,var(--fg))}
.article h1{font:700 2.2rem/1.15 Georgia,serif;margin:.4rem 0}.standfirst{font-size:1.2rem;color:var(--muted)}
.byline,.meta{font:.85rem system-ui,sans-serif;color:var(--muted)}
figure{margin:1.5rem 0}figure img,.card img{width:100%;height:auto;border-radius:4px;display:block}figcaption{font:.85rem system-ui,sans-serif;color:var(--muted);margin-top:.35rem}
.body p{margin:0 0 1.1rem}.body img{max-width:100%;height:auto}
.paywall{border:2px solid var(--accent);border-radius:12px;padding:1.5rem;margin:2rem 0;background:var(--card);font-family:system-ui,sans-serif}
.paywall h2{margin-top:0}.fade{position:relative}.fade::after{content:"";position:absolute;left:0;right:0;bottom:0;height:4rem;background:linear-gradient(transparent,var(--bg))}
.cards{display:grid;gap:1.25rem;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));list-style:none;padding:0}
.card h3{font:700 1.1rem/1.25 Georgia,serif;margin:.4rem 0}.card h3 a{color:var(--fg);text-decoration:none}.card h3 a:hover{text-decoration:underline}
.card p{margin:.25rem 0;color:var(--muted);font-size:.95rem}.tags a{margin-right:.75rem;font:.85rem system-ui,sans-serif}
select,input[type=date]{font:inherit;padding:.5rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.search-form{display:grid;grid-template-columns:auto 1fr;gap:.4rem .75rem;align-items:center}.search-form label{margin:0}.search-form button{grid-column:2;justify-self:start}
.results{list-style:none;padding:0}.results li{margin:1.25rem 0}mark{background:#ffe58a;color:#1b1b1b;padding:0 .1em}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:var(--bg);padding:.5rem;z-index:9}
.sections{display:flex;flex-wrap:wrap;gap:.1rem 1rem;max-width:980px;margin:0 auto;padding:.25rem 1rem;font:600 .9rem system-ui,sans-serif;white-space:nowrap}
@media (max-width:480px){.article h1{font-size:1.75rem}h1{font-size:1.5rem}.sections{gap:.1rem .8rem}}
.sections a{color:var(--fg);text-decoration:none;display:inline-block;padding:.3rem 0}.sections a:hover{text-decoration:underline}
.kb-current{outline:3px solid var(--accent);outline-offset:6px;border-radius:4px}
dialog{border:1px solid var(--line);border-radius:10px;background:var(--card);color:var(--fg);font-family:system-ui,sans-serif}
.pager{margin:2rem 0;font-family:system-ui,sans-serif;display:flex;gap:1.5rem}
form.bare{border:0;padding:0;background:none;margin:1rem 0}form.inline{border:0;padding:0;margin:0;background:none}button.inline{margin:0}.masthead a,h2 a.plain{color:inherit;text-decoration:none}h2 a.plain:hover{text-decoration:underline}img.logo{height:2rem;width:auto;display:block}.masthead img.logo{height:1.6rem}
footer a{color:var(--muted)}.theme button{font:inherit;background:none;color:var(--muted);text-decoration:underline;padding:.25rem;margin:0}
footer{border-top:1px solid var(--line);padding:1.5rem 1rem;text-align:center;color:var(--muted);font:.9rem system-ui,sans-serif}
.card .note{font-style:italic;color:var(--fg)}.tags{font:.85rem system-ui,sans-serif;margin:1rem 0}.tags span{color:var(--muted);margin-right:.5rem}
.editor .row{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;border:0;padding:0;margin:.5rem 0;background:none}.editor .row form{border:0;padding:0;margin:0;background:none}.editor .row button{margin:0;padding:.4rem .8rem}
.editor label.check{font-weight:400}.editor .picks li{margin:1rem 0;padding:1rem;border:1px solid var(--line);border-radius:10px;background:var(--card)}.editor .badge{color:var(--ok)}.plain{list-style:none;padding:0}
.coverage li{margin:1rem 0}.report h3{font:700 1.15rem/1.3 Georgia,serif;margin:.3rem 0}.report h3 a{color:var(--fg);text-decoration:none}.report h3 a:hover{text-decoration:underline}.report p{margin:.25rem 0}
.admin-nav{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;font:600 .95rem system-ui,sans-serif;border-bottom:1px solid var(--line);margin:0 0 1rem}.admin-nav a{text-decoration:none;padding:.4rem 0;border-bottom:3px solid transparent}.admin-nav a[aria-current=page]{color:var(--fg);border-bottom-color:var(--accent)}.admin>.hint{margin:0}
.admin .row{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;border:0;padding:0;margin:.5rem 0;background:none;font-family:system-ui,sans-serif}.admin .row form{border:0;padding:0;margin:0;background:none}.admin .row button{margin:0;padding:.45rem .9rem;font-size:.9rem}.admin .row label{margin:0;display:flex;flex-direction:column;gap:.25rem}.admin input,.admin select{font-weight:400}.admin select:focus-visible{outline:3px solid var(--accent);outline-offset:2px}.admin .row button{border:1px solid var(--accent)}.admin .row button.danger{border-color:var(--err)}.feeds li>.row:last-child{margin-bottom:0}.facts .error-text{margin:0}.feed-head{overflow-wrap:anywhere}.filters label:first-child{flex:1 1 16rem}.admin p.back{font:.95rem system-ui,sans-serif}.admin input[type=url],.admin input[type=search]{width:100%;font:inherit;font-weight:400;padding:.6rem .7rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}.admin .row input[type=text]{width:auto}
.admin fieldset{border:1px solid var(--line);border-radius:6px;margin:.75rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-family:system-ui,sans-serif}.admin legend{font:600 .9rem system-ui,sans-serif}.admin label.check{font-weight:400;margin:.25rem 0}.admin select{max-width:100%}
.feeds{list-style:none;padding:0;margin:0}.feeds li{border:1px solid var(--line);border-radius:10px;background:var(--card);padding:.75rem 1rem;margin:.6rem 0;font:.9rem system-ui,sans-serif}.feeds li form.row{margin-top:.75rem}
.feed-url{overflow-wrap:anywhere;color:var(--muted);margin:.2rem 0}.facts{display:flex;flex-wrap:wrap;gap:.2rem 1.25rem;color:var(--muted);font:.9rem system-ui,sans-serif;margin:.35rem 0}
:root{--warn:#8a5300}@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--warn:#f0b35a}}:root[data-theme=dark]{--warn:#f0b35a}
.status{display:inline-block;font:700 .72rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;padding:.1rem .45rem;border-radius:4px;border:1px solid currentColor;color:var(--muted)}.status.ok,.status.role-admin{color:var(--ok)}.status.failing{color:var(--warn)}.status.parked{color:var(--err)}.status.role-editor,.status.role-publisher{color:var(--accent)}
.error-text{color:var(--err);overflow-wrap:anywhere;margin:.35rem 0}.warn-text{color:var(--warn)}.empty{font:1rem system-ui,sans-serif;color:var(--muted);border:1px dashed var(--line);border-radius:10px;padding:1rem;text-align:center}
button.danger{background:transparent;color:var(--err);border:1px solid var(--err)}.admin .publisher{margin:1.5rem 0 2rem}.admin .publisher h2{margin-bottom:0}
.table-wrap{overflow-x:auto}@media (max-width:600px){table.audit thead{display:none}table.audit tr{display:block;border-bottom:1px solid var(--line);padding:.5rem 0}table.audit td{display:block;border:0;padding:.1rem 0}}table.audit td{vertical-align:top}table.audit code,.key{overflow-wrap:anywhere}.details{margin-top:.2rem}
.key{display:block;font:1rem ui-monospace,monospace;background:var(--bg);border:1px dashed var(--accent);padding:.75rem;border-radius:6px;user-select:all}.issued{border:2px solid var(--ok);border-radius:10px;padding:0 1rem .5rem;margin:1rem 0;background:var(--card)}`;
