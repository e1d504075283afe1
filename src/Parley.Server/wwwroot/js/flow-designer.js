// The flow designer's canvas (Web/Admin/FlowDesigner.Canvas.cs): drag a block to move it, drag an exit's dot onto a block to
// connect it. The browser only shows the drag; on release it tells the component, which changes the draft and draws it again.
// Arrow keys and Space on a focused block are the component's (moving, selecting), so the page does not scroll with them.
window.parleyFlowDesigner = {
  attach(svg, component) {
    if (!svg || svg.parleyAttached) {
      return;
    }
    svg.parleyAttached = true;
    const ns = 'http://www.w3.org/2000/svg';
    let drag = null;
    let swallowClick = false;
    const at = (event) => {
      const box = svg.getBoundingClientRect();
      return { x: event.clientX - box.left, y: event.clientY - box.top };
    };

    svg.addEventListener('pointerdown', (event) => {
      const node = event.target.closest('g.parley-flow-node');
      if (event.button !== 0 || !node) {
        return;
      }
      const start = at(event);
      const exit = event.target.closest('circle.parley-exit');
      if (exit) {
        const line = document.createElementNS(ns, 'line');
        line.setAttribute('class', 'parley-connecting');
        line.setAttribute('x1', exit.getAttribute('cx'));
        line.setAttribute('y1', exit.getAttribute('cy'));
        line.setAttribute('x2', exit.getAttribute('cx'));
        line.setAttribute('y2', exit.getAttribute('cy'));
        svg.appendChild(line);
        drag = { kind: 'connect', from: node.dataset.block, field: exit.dataset.field, line };
        event.preventDefault();
      } else {
        drag = { kind: 'move', node, start, dx: 0, dy: 0, moved: false };
      }
    });

    window.addEventListener('pointermove', (event) => {
      if (!drag) {
        return;
      }
      const p = at(event);
      if (drag.kind === 'connect') {
        drag.line.setAttribute('x2', p.x);
        drag.line.setAttribute('y2', p.y);
        return;
      }
      drag.dx = p.x - drag.start.x;
      drag.dy = p.y - drag.start.y;
      if (Math.abs(drag.dx) + Math.abs(drag.dy) > 3) {
        drag.moved = true;
        drag.node.setAttribute('transform', `translate(${drag.dx} ${drag.dy})`);
        drag.node.classList.add('parley-node-dragging');
      }
    });

    window.addEventListener('pointerup', (event) => {
      const done = drag;
      drag = null;
      if (!done) {
        return;
      }
      if (done.kind === 'connect') {
        done.line.remove();
        const target = document.elementFromPoint(event.clientX, event.clientY)?.closest('g.parley-flow-node');
        if (target && target.dataset.block !== done.from) {
          swallowClick = true;
          component.invokeMethodAsync('ConnectExit', done.from, done.field, target.dataset.block);
        }
        return;
      }
      if (done.moved) {
        done.node.removeAttribute('transform');
        done.node.classList.remove('parley-node-dragging');
        swallowClick = true;
        component.invokeMethodAsync('MoveBlock', done.node.dataset.block, Math.round(done.dx), Math.round(done.dy));
      }
    });

    // The click that ends a drag is not a selection.
    window.addEventListener('click', (event) => {
      if (swallowClick) {
        swallowClick = false;
        if (svg.contains(event.target)) {
          event.stopPropagation();
        }
      }
    }, true);

    svg.addEventListener('keydown', (event) => {
      if (event.target.closest('g.parley-flow-node') && ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', ' '].includes(event.key)) {
        event.preventDefault();
      }
    });
  },
};
